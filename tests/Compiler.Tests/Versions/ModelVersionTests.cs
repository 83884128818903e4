using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Tests.Graph.Selection;
using ModelForge.Compiler.Tests.SemanticLayer;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Versions;

public sealed class ModelVersionTests
{
    private const string TwoVersions = """
        models:
          - name: dim_customers
            latest_version: 1
            config: {materialized: table}
            versions:
              - v: 1
              - v: 2
                config: {alias: dim_customers_next}
              - v: 3
                defined_in: dim_customers_draft
        """;

    private SemanticProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new SemanticProject()
        .Write("models/dim_customers_v1.sql", "select 1 as customer_id")
        .Write("models/dim_customers_v2.sql", "select 2 as customer_id")
        .Write("models/dim_customers_draft.sql", "select 3 as customer_id")
        .Write("models/versions.yml", TwoVersions);

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Each_version_is_its_own_node_with_dbt_ids_relation_names_and_the_model_config()
    {
        var (compiled, diagnostics) = _project.Compile();
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);

        var v1 = compiled!.Nodes["model.shop.dim_customers.v1"];
        var v2 = compiled.Nodes["model.shop.dim_customers.v2"];
        var v3 = compiled.Nodes["model.shop.dim_customers.v3"];
        Assert.That((v1.Name, v1.Relation.Identifier, v1.Materialized), Is.EqualTo(("dim_customers", "dim_customers_v1", "table")));
        Assert.That(v2.Relation.Identifier, Is.EqualTo("dim_customers_next"), "an alias wins over <name>_v<v>");
        Assert.That((v3.Path, v3.Relation.Identifier), Is.EqualTo(("models/dim_customers_draft.sql", "dim_customers_v3")));
        Assert.That(v1.Fqn, Is.EqualTo(new[] { "shop", "dim_customers", "v1" }));
    }

    [Test]
    public void A_versions_columns_include_exclude_and_add_to_the_models()
    {
        _project.Write("models/versions.yml", """
            models:
              - name: dim_customers
                latest_version: 1
                columns:
                  - name: customer_id
                    description: the key
                  - name: country_name
                  - name: email
                versions:
                  - v: 1
                  - v: 2
                    columns:
                      - include: all
                        exclude: [country_name]
                      - name: country_code
                        data_type: varchar
                      - name: email
                        description: hashed
                  - v: 3
                    defined_in: dim_customers_draft
                    columns:
                      - include: [customer_id]
            """);

        var (compiled, diagnostics) = _project.Compile();
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);

        string Columns(string id) => string.Join(",", compiled!.Nodes[id].Properties!.Columns.Select(c => c.Name + (c.Description is { } d ? $"({d})" : "")));
        Assert.That(Columns("model.shop.dim_customers.v1"), Is.EqualTo("customer_id(the key),country_name,email"));
        Assert.That(Columns("model.shop.dim_customers.v2"), Is.EqualTo("customer_id(the key),country_code,email(hashed)"));
        Assert.That(Columns("model.shop.dim_customers.v3"), Is.EqualTo("customer_id(the key)"));
        Assert.That(compiled!.Nodes["model.shop.dim_customers.v2"].Properties!.Columns.Single(c => c.Name == "country_code").DataType, Is.EqualTo("varchar"));
    }

    [Test]
    public void An_unpinned_ref_reads_the_latest_version_and_v_or_version_pins_one()
    {
        _project.Write("models/reader.sql", "select * from {{ ref('dim_customers') }} union all select * from {{ ref('dim_customers', v=2) }}"
            + " union all select * from {{ ref('dim_customers', version=3) }}");

        var (compiled, diagnostics) = _project.Compile();
        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);

        Assert.That(compiled!.Nodes["model.shop.reader"].DependsOn,
            Is.EqualTo(new[] { "model.shop.dim_customers.v1", "model.shop.dim_customers.v2", "model.shop.dim_customers.v3" }));
    }

    [Test]
    public void Without_latest_version_the_highest_version_is_the_latest()
    {
        _project.Write("models/versions.yml", TwoVersions.Replace("    latest_version: 1\n", ""))
            .Write("models/reader.sql", "select * from {{ ref('dim_customers') }}");

        var (compiled, _) = _project.Compile();

        Assert.That(compiled!.Nodes["model.shop.reader"].DependsOn, Is.EqualTo(new[] { "model.shop.dim_customers.v3" }));
    }

    [Test]
    public void A_ref_to_an_unknown_version_is_an_error_at_the_ref_with_the_known_versions()
    {
        _project.Write("models/reader.sql", "select *\nfrom {{ ref('dim_customers', v=7) }}");

        var error = _project.SingleError();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Access.UnknownVersionCode));
        Assert.That((error.Span!.Value.Path, error.Span.Value.Line, error.Span.Value.Column), Is.EqualTo(("models/reader.sql", 2, 9)));
        Assert.That(error.Hint, Does.Contain("1, 2, 3"));
    }

    [Test]
    public void A_ref_to_a_version_past_its_deprecation_date_is_a_warning()
    {
        _project.Write("models/versions.yml", TwoVersions.Replace("      - v: 1\n", "      - v: 1\n        deprecation_date: 2020-01-01\n"))
            .Write("models/reader.sql", "select * from {{ ref('dim_customers', v=1) }} union all select * from {{ ref('dim_customers', v=2) }}");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Not.Null);
        var warning = diagnostics.Single(d => d.Code == DiagnosticCodes.Access.DeprecatedVersionCode);
        Assert.That((warning.IsError, warning.Message), Is.EqualTo((false, "'reader' refs 'model.shop.dim_customers.v1', deprecated since 2020-01-01")));
    }

    [Test]
    public void The_manifest_has_version_and_latest_version_on_model_nodes()
    {
        var nodes = _project.Manifest().GetProperty("nodes");

        var v2 = nodes.GetProperty("model.shop.dim_customers.v2");
        Assert.That((v2.GetProperty("version").GetInt32(), v2.GetProperty("latest_version").GetInt32()), Is.EqualTo((2, 1)));
        Assert.That(v2.GetProperty("name").GetString(), Is.EqualTo("dim_customers"));
        Assert.That(nodes.GetProperty("model.shop.orders").GetProperty("version").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [TestCase("dim_customers", new[] { "v1", "v2", "v3" })]
    [TestCase("dim_customers.v2", new[] { "v2" })]
    [TestCase("dim_customers_v3", new[] { "v3" })]
    [TestCase("version:latest", new[] { "v1" })]
    [TestCase("version:prerelease", new[] { "v2", "v3" })]
    [TestCase("version:old", new string[0])]
    public void Selection_by_name_selects_every_version_and_dbt_version_selectors_pick_some(string select, string[] expected)
    {
        var (compiled, _) = _project.Compile();

        var ids = SelectionFixture.Select(compiled!, select, null, null, null, null, out var diagnostics)!;

        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
        Assert.That(ids.Order(StringComparer.Ordinal), Is.EqualTo(expected.Select(v => $"model.shop.dim_customers.{v}")));
    }

    [Test]
    public void Version_none_selects_the_unversioned_models()
    {
        var (compiled, _) = _project.Compile();

        var ids = SelectionFixture.Select(compiled!, "version:none", null, null, null, null, out _)!;

        Assert.That(ids.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "model.shop.customers", "model.shop.orders" }));
    }

    [TestCase("", new[] { "counts_v1", "counts_v2", "counts_v3" })]
    [TestCase("    versions: {include: [2]}\n", new[] { "counts_v2" })]
    [TestCase("    versions: {exclude: [1, 3]}\n", new[] { "counts_v2" })]
    public void A_unit_test_of_a_versioned_model_runs_on_each_included_version(string versions, string[] expected)
    {
        _project.Write("models/unit.yml", "unit_tests:\n  - name: counts\n    model: dim_customers\n" + versions
            + "    given: []\n    expect: {rows: [{customer_id: 1}]}\n");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(diagnostics.Where(d => d.IsError), Is.Empty);
        var tests = compiled!.Nodes.Values.Where(n => n.ResourceType == ModelForge.Compiler.Project.ResourceType.UnitTest).ToList();
        Assert.That(tests.Select(t => t.UniqueId).Order(StringComparer.Ordinal), Is.EqualTo(expected.Select(e => $"unit_test.shop.dim_customers.{e}")));
        Assert.That(tests.Single(t => t.Name == expected[0]).DependsOn.Single(), Is.EqualTo($"model.shop.dim_customers.v{expected[0][^1]}"));
    }
}
