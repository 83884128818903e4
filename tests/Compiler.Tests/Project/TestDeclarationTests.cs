using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>The spellings of a generic test in schema YAML, read as dbt's TestBuilder reads them.</summary>
public sealed class TestDeclarationTests
{
    private static IReadOnlyList<TestDeclaration> Tests(string columnTests, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var file = SchemaFile.Parse(new SourceText("models/schema.yml",
            "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: amount\n        data_tests:\n" + columnTests), bag);
        diagnostics = bag.ToList();
        return file.Models.Single().Columns.Single().Tests;
    }

    [Test]
    public void The_arguments_block_is_merged_over_top_level_arguments_and_config_keys_are_config()
    {
        var test = Tests("""
                      - dbt_utils.accepted_range:
                          min_value: 1
                          inclusive: false
                          where: "amount is not null"
                          arguments:
                            min_value: 0
                            max_value: 100
                          config:
                            severity: warn
                            limit: null
            """ + "\n", out var diagnostics).Single();

        Assert.That(diagnostics, Is.Empty);
        Assert.That(test.Namespace, Is.EqualTo("dbt_utils"));
        Assert.That(test.Name, Is.EqualTo("accepted_range"));
        Assert.That(test.Arguments, Is.EqualTo(new Dictionary<string, object?> { ["min_value"] = 0L, ["inclusive"] = false, ["max_value"] = 100L }));
        Assert.That(test.Arguments.Keys, Is.EqualTo(new[] { "min_value", "inclusive", "max_value" }));
        Assert.That(test.Config, Is.EqualTo(new Dictionary<string, object?> { ["where"] = "amount is not null", ["severity"] = "warn" }));
        Assert.That(test.ColumnName, Is.EqualTo("amount"));
    }

    [Test]
    public void The_test_name_key_names_the_test_and_the_other_keys_are_its_body()
    {
        var test = Tests("""
                      - test_name: dbt_expectations.expect_column_values_to_be_between
                        name: amount_in_range
                        description: Amounts stay in range.
                        min_value: 0
                        config: {tags: [money]}
            """ + "\n", out var diagnostics).Single();

        Assert.That(diagnostics, Is.Empty);
        Assert.That((test.Namespace, test.Name, test.CustomName, test.Description),
            Is.EqualTo(("dbt_expectations", "expect_column_values_to_be_between", "amount_in_range", "Amounts stay in range.")));
        Assert.That(test.Arguments.Keys, Is.EqualTo(new[] { "min_value" }));
        Assert.That(test.NameSpan!.Value.ToString(), Is.EqualTo("models/schema.yml:7:24"));
    }

    [Test]
    public void A_bare_test_name_keeps_no_dictionaries_of_its_own()
    {
        var tests = Tests("          - unique\n          - not_null\n          - accepted_values: {values: [1]}\n", out var diagnostics);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(tests[0].Arguments, Is.Empty);
        Assert.That(tests[1].Arguments, Is.SameAs(tests[0].Arguments));
        Assert.That(tests[1].Config, Is.SameAs(tests[0].Arguments), "one shared empty dictionary");
        Assert.That(tests[2].Arguments.Keys, Is.EqualTo(new[] { "values" }));
        Assert.That(tests[2].Config, Is.SameAs(tests[0].Config), "no config: the shared empty one");
    }

    [Test]
    public void A_mapping_with_two_keys_and_no_test_name_is_reported()
    {
        Tests("          - {unique: {}, not_null: {}}\n", out var diagnostics);

        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Project.InvalidTestDeclarationCode));
    }
}
