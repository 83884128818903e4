using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>Misspelt keys get a "did you mean"; custom configs and meta keys, which dbt allows, stay quiet.</summary>
public sealed class KeySpellingCheckTests
{
    [TestCase("materialzed", "materialized")]
    [TestCase("+materialised", "materialized")]
    [TestCase("uniqe_key", "unique_key")]
    [TestCase("incremental_stratgy", "incremental_strategy")]
    public void A_key_one_or_two_edits_from_a_config_key_is_a_misspelling(string key, string expected) =>
        Assert.That(KeySpellingCheck.Misspelling(key, ConfigResolver.KnownConfigKeys), Is.EqualTo(expected));

    [TestCase("owner_team")]
    [TestCase("my_custom_flag")]
    [TestCase("materialized")]
    [TestCase("beta")]
    [TestCase("tag")]
    [TestCase("partition_by")]
    [TestCase("cluster_by")]
    public void Known_short_and_custom_keys_are_not_guessed_at(string key) =>
        Assert.That(KeySpellingCheck.Misspelling(key, ConfigResolver.KnownConfigKeys), Is.Null);

    [TestCase("descripton", "description")]
    [TestCase("data_test", "data_tests")]
    [TestCase("colums", "columns")]
    public void Entry_keys_are_checked_against_the_entry_properties(string key, string expected) =>
        Assert.That(KeySpellingCheck.Misspelling(key, KeySpellingCheck.NodeKeys), Is.EqualTo(expected));
}
