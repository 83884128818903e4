using ModelForge.Compiler.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>The compile cache's check compares a config with its recorded fingerprint without making the string.</summary>
public sealed class ValueFingerprintTests
{
    private static readonly Dictionary<string, object?> Config = new(StringComparer.Ordinal)
    {
        ["materialized"] = "view", ["enabled"] = true, ["tags"] = new List<object?> { "a", 2L }, ["meta"] = new Dictionary<string, object?>(),
    };

    [Test]
    public void Matches_agrees_with_the_fingerprint_text()
    {
        var text = ValueFingerprint.Of(Config)!;

        Assert.That(ValueFingerprint.Matches(Config, text), Is.True);
        Assert.That(ValueFingerprint.Matches(Config, text[..^1]), Is.False, "a prefix of the text");
        Assert.That(ValueFingerprint.Matches(Config, text + ","), Is.False, "a longer text");
        Assert.That(ValueFingerprint.Matches(new Dictionary<string, object?> { ["materialized"] = "table" }, text), Is.False);
    }

    [Test]
    public void A_value_without_a_fingerprint_matches_nothing()
    {
        var unfingerprintable = new Dictionary<string, object?> { ["f"] = new object() };

        Assert.That(ValueFingerprint.Of(unfingerprintable), Is.Null);
        Assert.That(ValueFingerprint.Matches(unfingerprintable, "{1:f=}"), Is.False);
    }
}
