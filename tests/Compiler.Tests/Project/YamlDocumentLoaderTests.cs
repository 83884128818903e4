using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>Hostile YAML ends in one diagnostic at a position, never an exception, a stack overflow or minutes of work.</summary>
public sealed class YamlDocumentLoaderTests
{
    private static (bool Loaded, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        var bag = new DiagnosticBag();
        var loaded = YamlDocumentLoader.TryLoad(new SourceText("models/schema.yml", yaml), bag, out _);
        return (loaded, bag.ToList());
    }

    [Test]
    public void A_colon_before_an_unclosed_bracket_is_a_syntax_error_where_the_scanner_stopped()
    {
        var (loaded, diagnostics) = Load(": [\nv");

        Assert.That(loaded, Is.False);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("models/schema.yml:2:1: error MF1002: malformed YAML: unexpected text here; the YAML cannot be read"));
        Assert.That(diagnostics.Single().Hint, Is.Not.Null);
    }

    [Test]
    public void Fifty_thousand_nested_brackets_stop_at_the_depth_limit()
    {
        var (loaded, diagnostics) = Load("a: " + new string('[', 50_000) + new string(']', 50_000));

        Assert.That(loaded, Is.False);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProjectInput.YamlTooDeepCode));
        Assert.That(diagnostics.Single().Span!.Value.Column, Is.EqualTo("a: ".Length + YamlPreflight.MaxDepth), "the bracket opening the 201st collection, the top mapping being the first");
    }

    [TestCase("- ")]
    [TestCase("-\n ")]
    public void Block_nesting_past_the_limit_is_refused_without_brackets(string level)
    {
        var yaml = string.Concat(Enumerable.Range(0, 300).Select(i => level.Replace("\n ", "\n" + new string(' ', i + 1)))) + "x";

        var (loaded, diagnostics) = Load(yaml);

        Assert.That(loaded, Is.False);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProjectInput.YamlTooDeepCode));
    }

    [Test]
    public void A_plain_schema_file_needs_no_event_pass_and_one_with_an_anchor_does()
    {
        const string schema = "version: 2\nmodels:\n  - name: orders\n    config: {tags: ['daily']}\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n";

        Assert.That(YamlPreflight.IsPlainlyBounded(schema), Is.True);
        Assert.That(YamlPreflight.IsPlainlyBounded(schema + "x: &a 1\n"), Is.False);
        Assert.That(YamlPreflight.IsPlainlyBounded(schema + "description: select * from orders\n"), Is.False);
    }

    [Test]
    public void Nesting_up_to_the_limit_loads()
    {
        var depth = YamlPreflight.MaxDepth - 1;
        var (loaded, diagnostics) = Load("a: " + new string('[', depth) + new string(']', depth));

        Assert.That(diagnostics, Is.Empty);
        Assert.That(loaded, Is.True);
    }

    [Test]
    public void An_alias_bomb_is_refused_at_the_alias_that_crosses_the_limit()
    {
        var lines = new List<string> { "a: &a [x,x,x,x,x,x,x,x,x]" };
        foreach (var (from, to) in "abcdefg".Zip("bcdefgh"))
            lines.Add($"{to}: &{to} [{string.Join(",", Enumerable.Repeat("*" + from, 9))}]");

        var (loaded, diagnostics) = Load(string.Join("\n", lines));

        Assert.That(loaded, Is.False);
        Assert.That(diagnostics.Single().ToString(), Does.StartWith("models/schema.yml:7:8: error MF1101"));
    }

    [Test]
    public void Shared_configs_through_anchors_and_merge_keys_still_load()
    {
        var (loaded, diagnostics) = Load("""
            defaults: &defaults {materialized: table, tags: [a, b]}
            models:
              - name: a
                config: {<<: *defaults, alias: x}
              - name: b
                config: *defaults
            """);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(loaded, Is.True);
    }

    [Test]
    public void A_document_over_the_size_limit_is_refused_before_parsing()
    {
        var (loaded, diagnostics) = Load(new string('#', YamlPreflight.MaxLength + 1));

        Assert.That(loaded, Is.False);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ProjectInput.YamlTooLargeCode));
    }

    [Test]
    public void Cli_vars_report_the_same_failures_with_their_own_code()
    {
        var bag = new DiagnosticBag();

        Assert.That(CliVarsParser.Parse(": [\nv", bag), Is.Null);
        Assert.That(CliVarsParser.Parse("{a: " + new string('[', 50_000) + "}", bag), Is.Null);

        Assert.That(bag.ToList().Select(d => d.Code), Is.EqualTo(new[] { "MF1020", "MF1100" }));
        Assert.That(bag.ToList()[0].ToString(), Does.StartWith("--vars:2:1: error MF1020"));
    }
}
