using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Tests.Graph.Selection;
using ModelForge.Compiler.Tests.SemanticLayer;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Versions;

/// <summary>dbt's versions may be decimals or strings: <c>v: 1.5</c>, <c>v: beta</c>.</summary>
public sealed class NonIntegerVersionTests
{
    private const string Versions = """
        models:
          - name: dim_customers
            latest_version: 1.5
            versions:
              - v: 1
              - v: 1.5
              - v: beta
        """;

    private SemanticProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new SemanticProject()
        .Write("models/dim_customers_v1.sql", "select 1 as customer_id")
        .Write("models/dim_customers_v1.5.sql", "select 2 as customer_id")
        .Write("models/dim_customers_vbeta.sql", "select 3 as customer_id")
        .Write("models/versions.yml", Versions);

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Each_version_gets_dbts_unique_id_fqn_and_a_relation_name_with_dots_as_underscores()
    {
        var (compiled, diagnostics) = _project.Compile();
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);

        var decimalVersion = compiled!.Nodes["model.shop.dim_customers.v1.5"];
        var named = compiled.Nodes["model.shop.dim_customers.vbeta"];
        Assert.That((decimalVersion.Path, decimalVersion.Relation.Identifier), Is.EqualTo(("models/dim_customers_v1.5.sql", "dim_customers_v1_5")));
        Assert.That(decimalVersion.Fqn, Is.EqualTo(new[] { "shop", "dim_customers", "v1.5" }));
        Assert.That(named.Relation.Identifier, Is.EqualTo("dim_customers_vbeta"));
    }

    [Test]
    public void A_ref_pins_a_decimal_or_string_version_and_an_unpinned_ref_reads_latest_version()
    {
        _project.Write("models/reader.sql", "select * from {{ ref('dim_customers', v='beta') }} union all select * from {{ ref('dim_customers', version=1.5) }}")
            .Write("models/latest.sql", "select * from {{ ref('dim_customers') }}");

        var (compiled, diagnostics) = _project.Compile();
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);

        Assert.That(compiled!.Nodes["model.shop.reader"].DependsOn,
            Is.EquivalentTo(new[] { "model.shop.dim_customers.v1.5", "model.shop.dim_customers.vbeta" }));
        Assert.That(compiled.Nodes["model.shop.latest"].DependsOn, Is.EqualTo(new[] { "model.shop.dim_customers.v1.5" }));
        Assert.That(new NodeCompiler(compiled).Render(compiled.Nodes["model.shop.reader"]).Text,
            Does.Contain("dim_customers_vbeta").And.Contain("dim_customers_v1_5"));
    }

    [Test]
    public void Without_latest_version_the_greatest_by_dbts_ordering_is_the_latest()
    {
        // dbt compares as numbers when both are numbers (10 > 9), else as text ('beta' > '10').
        _project.Write("models/versions.yml", "models:\n  - name: dim_customers\n    versions:\n      - v: 9\n        defined_in: dim_customers_v1\n"
                + "      - v: 10\n        defined_in: dim_customers_v1.5\n")
            .Write("models/dim_customers_vbeta.sql", "select 1 as id")
            .Write("models/reader.sql", "select * from {{ ref('dim_customers') }}");

        var (compiled, _) = _project.Compile();

        Assert.That(compiled!.Nodes["model.shop.reader"].DependsOn, Is.EqualTo(new[] { "model.shop.dim_customers.v10" }));
    }

    [Test]
    public void A_ref_to_an_unknown_string_version_lists_the_known_ones()
    {
        _project.Write("models/reader.sql", "select * from {{ ref('dim_customers', v='gamma') }}");

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Access.UnknownVersionCode));
        Assert.That(error.Hint, Does.Contain("1, 1.5, beta"));
    }

    [Test]
    public void The_manifest_keeps_a_decimal_version_a_number_and_a_string_version_a_string()
    {
        var nodes = _project.Manifest().GetProperty("nodes");

        var decimalVersion = nodes.GetProperty("model.shop.dim_customers.v1.5");
        Assert.That((decimalVersion.GetProperty("version").GetDouble(), decimalVersion.GetProperty("latest_version").GetDouble()), Is.EqualTo((1.5, 1.5)));
        Assert.That(nodes.GetProperty("model.shop.dim_customers.vbeta").GetProperty("version").GetString(), Is.EqualTo("beta"));
    }

    [TestCase("dim_customers.v1.5", new[] { "v1.5" })]
    [TestCase("dim_customers_v1_5", new[] { "v1.5" })]
    [TestCase("dim_customers.vbeta", new[] { "vbeta" })]
    [TestCase("version:latest", new[] { "v1.5" })]
    [TestCase("version:prerelease", new[] { "vbeta" })]
    [TestCase("version:old", new[] { "v1" })]
    public void Selectors_name_decimal_and_string_versions(string select, string[] expected)
    {
        var (compiled, _) = _project.Compile();

        var ids = SelectionFixture.Select(compiled!, select, null, null, null, null, out var diagnostics)!;

        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
        Assert.That(ids.Order(StringComparer.Ordinal), Is.EqualTo(expected.Select(v => $"model.shop.dim_customers.{v}")));
    }

    [Test]
    public void A_unit_test_includes_a_string_version_by_name()
    {
        _project.Write("models/unit.yml", "unit_tests:\n  - name: counts\n    model: dim_customers\n    versions: {include: [beta, 1.5]}\n"
            + "    given: []\n    expect: {rows: [{customer_id: 1}]}\n");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
        var tests = compiled!.Nodes.Values.Where(n => n.ResourceType == ModelForge.Compiler.Project.ResourceType.UnitTest);
        Assert.That(tests.Select(t => t.UniqueId).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "unit_test.shop.dim_customers.counts_v1_5", "unit_test.shop.dim_customers.counts_vbeta" }));
    }

    [TestCase("[1]")]
    [TestCase("true")]
    [TestCase("''")]
    public void A_version_that_is_neither_number_nor_string_is_still_an_error(string v)
    {
        _project.Write("models/versions.yml", Versions.Replace("  - v: beta", $"  - v: {v}"));

        Assert.That(_project.SingleError().Code, Is.EqualTo(DiagnosticCodes.Access.BadVersionCode));
    }

    [TestCase(2, "2", 3, -1)]
    [TestCase(10, "10", 9.5, 1)]
    [TestCase("beta", "beta", 10, 1)]
    [TestCase("1.5", "1.5", 1.5, 0)]
    public void Versions_print_and_order_as_dbt_does(object raw, string text, object other, int sign)
    {
        var version = NodeVersion.From(raw)!.Value;

        Assert.That(version.Text, Is.EqualTo(text));
        Assert.That(Math.Sign(version.CompareTo(NodeVersion.From(other)!.Value)), Is.EqualTo(sign));
    }
}
