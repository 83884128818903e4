using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Graph.Selection;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Graph.Selection.SelectionFixture;

namespace ModelForge.Compiler.Tests.Graph.Selection;

public sealed class SelectorsFileTests
{
    private SelectionFixture _fixture = null!;
    private CompiledProject _project = null!;

    private const string Yaml = """
        selectors:
          - name: staging
            definition: "path:models/staging,resource_type:model"
          - name: finance_and_below
            description: the finance marts and what reads them
            definition:
              method: tag
              value: finance
              children: true
          - name: marts_no_tests
            default: true
            definition:
              union:
                - method: path
                  value: models/marts
                - exclude:
                    - resource_type:test
          - name: nightly_or_report
            definition:
              union:
                - tag: nightly
                - report
          - name: staging_tables
            definition:
              intersection:
                - method: selector
                  value: staging
                - stg_orders+1
        """;

    [OneTimeSetUp]
    public void SetUp()
    {
        _fixture = new SelectionFixture();
        _project = _fixture.Compile();
    }

    [OneTimeTearDown]
    public void TearDown() => _fixture.Dispose();

    private static SelectorsFile Parse(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var file = SelectorsFile.Parse(new SourceText("selectors.yml", yaml), diagnostics);
        Assert.That(file, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        return file!;
    }

    private IReadOnlyList<string> Named(string name) => Names(_project, "", selectors: Parse(Yaml), selector: name);

    [Test]
    public void A_string_definition_uses_the_command_line_syntax() =>
        Assert.That(Named("staging"), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));

    [Test]
    public void A_method_definition_takes_graph_flags() =>
        Assert.That(Named("finance_and_below"), Is.EqualTo(new[] { "customers", "orders", "report", "test.shop.assert_positive", "test.shop.not_null_orders_id.84ef11d8fe" }));

    [Test]
    public void Union_items_may_exclude() => Assert.That(Named("marts_no_tests"), Is.EqualTo(new[] { "customers", "orders", "report" }));

    [Test]
    public void Shorthand_and_plain_items_mix_in_a_union() => Assert.That(Named("nightly_or_report"), Is.EqualTo(new[] { "report", "stg_orders" }));

    [Test]
    public void Intersection_can_refer_to_another_selector() => Assert.That(Named("staging_tables"), Is.EqualTo(new[] { "stg_orders" }));

    [Test]
    public void The_default_selector_applies_without_select() =>
        Assert.That(Names(_project, "", selectors: Parse(Yaml)), Is.EqualTo(new[] { "customers", "orders", "report" }));

    [Test]
    public void The_selector_method_works_on_the_command_line() =>
        Assert.That(Names(_project, "selector:staging,tag:nightly", selectors: Parse(Yaml)), Is.EqualTo(new[] { "stg_orders" }));

    [Test]
    public void An_unknown_selector_suggests_the_nearest()
    {
        var selected = SelectionFixture.Select(_project, "", null, null, Parse(Yaml), "stagin", out var diagnostics);
        Assert.That(selected, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Selection.UnknownSelectorCode));
        Assert.That(diagnostics.Single().Hint, Is.EqualTo("did you mean 'staging'?"));
    }

    [Test]
    public void A_bad_method_inside_selectors_yml_points_into_the_file()
    {
        var file = Parse("selectors:\n  - name: bad\n    definition: \"tags:nightly\"\n");
        var selected = SelectionFixture.Select(_project, "", null, null, file, "bad", out var diagnostics);
        Assert.That(selected, Is.Null);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("selectors.yml:3:18: error MF3401: unknown selector method 'tags'"));
    }

    [Test]
    public void A_definition_without_method_or_union_is_reported()
    {
        var diagnostics = new DiagnosticBag();
        var file = SelectorsFile.Parse(new SourceText("selectors.yml", "selectors:\n  - name: bad\n    definition:\n      value: x\n      other: y\n"), diagnostics);
        Assert.That(file, Is.Null);
        Assert.That(diagnostics.ToList().Single().Code, Is.EqualTo(DiagnosticCodes.Selection.BadSelectorDefinitionCode));
    }
}
