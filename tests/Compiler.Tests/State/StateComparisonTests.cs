using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.State;
using ModelForge.Compiler.Tests.Graph.Selection;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Graph.Selection.SelectionFixture;

namespace ModelForge.Compiler.Tests.State;

public sealed class StateComparisonTests
{
    private SelectionFixture _fixture = null!;
    private string _state = null!;

    [SetUp]
    public void SetUp()
    {
        // Given the artifacts of a "production" run of the fixture project
        _fixture = new SelectionFixture();
        _state = Path.Combine(_fixture.Root, "prod");
        Directory.CreateDirectory(_state);
        var production = _fixture.Compile();
        using (var stream = File.Create(Path.Combine(_state, "manifest.json")))
            ManifestWriter.Write(stream, production, "prod-run", DateTimeOffset.UnixEpoch);
        File.WriteAllText(Path.Combine(_state, "run_results.json"), """
            {"results": [
              {"unique_id": "model.shop.orders", "status": "success"},
              {"unique_id": "model.shop.customers", "status": "error"},
              {"unique_id": "test.shop.not_null_orders_id.84ef11d8fe", "status": "fail"}
            ]}
            """);
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private IReadOnlyList<string> SelectNow(string select)
    {
        var project = _fixture.Compile();
        var diagnostics = new DiagnosticBag();
        var manifest = StateManifest.Load(_state, diagnostics);
        Assert.That(manifest, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        return Names(project, select, state: new StateComparison(project, manifest!));
    }

    [Test]
    public void Nothing_is_modified_when_nothing_changed() => Assert.That(SelectNow("state:modified"), Is.Empty);

    [Test]
    public void Changed_sql_is_modified()
    {
        _fixture.Write("models/marts/report.sql", "select id from {{ ref('customers') }}");
        Assert.That(SelectNow("state:modified"), Is.EqualTo(new[] { "report" }));
        Assert.That(SelectNow("state:modified.body"), Is.EqualTo(new[] { "report" }));
        Assert.That(SelectNow("state:modified.configs"), Is.Empty);
    }

    [Test]
    public void Changed_config_is_modified()
    {
        _fixture.Write("forge_project.yml", "name: shop\nversion: '1.0'\nprofile: shop\ntest-paths: [tests]\nmodels:\n  shop:\n    staging:\n      +materialized: table\n");
        Assert.That(SelectNow("state:modified.configs"), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));
        Assert.That(SelectNow("state:modified.body"), Is.Empty);
    }

    [Test]
    public void Changed_yaml_properties_are_modified()
    {
        _fixture.Write("models/marts/_schema.yml", """
            version: 2
            models:
              - name: orders
                description: One row per paid order.
                columns:
                  - name: id
                    data_tests: [not_null]
            """);
        Assert.That(SelectNow("state:modified"), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void A_changed_macro_modifies_the_nodes_that_call_it()
    {
        _fixture.Write("macros/cents.sql", "{% macro cents(column) %}({{ column }} * 100.0){% endmacro %}\n\n{% macro unused() %}1{% endmacro %}\n");
        Assert.That(SelectNow("state:modified"), Is.EqualTo(new[] { "orders" }));
        Assert.That(SelectNow("state:modified.macros"), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void A_changed_macro_that_no_node_calls_modifies_nothing()
    {
        _fixture.Write("macros/cents.sql", "{% macro cents(column) %}({{ column }} * 100){% endmacro %}\n\n{% macro unused() %}2{% endmacro %}\n");
        Assert.That(SelectNow("state:modified"), Is.Empty);
    }

    [Test]
    public void A_new_node_is_new_and_modified()
    {
        _fixture.Write("models/marts/refunds.sql", "select * from {{ ref('orders') }}");
        Assert.That(SelectNow("state:new"), Is.EqualTo(new[] { "refunds" }));
        Assert.That(SelectNow("state:modified"), Is.EqualTo(new[] { "refunds" }));
    }

    [Test]
    public void Modified_plus_selects_what_to_rebuild_downstream()
    {
        _fixture.Write("models/staging/stg_customers.sql", "select id, name from {{ ref('raw_customers') }}");
        Assert.That(SelectNow("state:modified+"), Is.EqualTo(new[] { "customers", "report", "stg_customers" }));
    }

    [Test]
    public void Result_selects_by_the_previous_status()
    {
        Assert.That(SelectNow("result:error"), Is.EqualTo(new[] { "customers" }));
        Assert.That(SelectNow("result:fail"), Is.EqualTo(new[] { "test.shop.not_null_orders_id.84ef11d8fe" }));
        Assert.That(SelectNow("result:error+"), Is.EqualTo(new[] { "customers", "report" }));
    }

    [Test]
    public void A_missing_state_manifest_is_reported()
    {
        var diagnostics = new DiagnosticBag();
        Assert.That(StateManifest.Load(Path.Combine(_fixture.Root, "nowhere"), diagnostics), Is.Null);
        Assert.That(diagnostics.ToList().Single().Code, Is.EqualTo(DiagnosticCodes.Selection.StateUnreadableCode));
    }

    [Test]
    public void The_state_manifest_names_the_relations_for_defer()
    {
        var diagnostics = new DiagnosticBag();
        var manifest = StateManifest.Load(_state, diagnostics)!;
        Assert.That(manifest.RelationOf("model.shop.orders")?.Identifier, Is.EqualTo("orders"));
        Assert.That(manifest.RelationOf("model.shop.nope"), Is.Null);
    }
}
