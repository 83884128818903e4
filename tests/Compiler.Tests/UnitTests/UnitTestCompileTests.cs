using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Graph.Selection;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Tests.Project;
using ModelForge.Compiler.Tests.SqlServer;
using ModelForge.Compiler.UnitTests;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.UnitTests;

/// <summary>
/// dbt 1.8 unit tests at compile time, per target: YAML entries become unit_test nodes reading
/// their model, and the SQL a unit test runs (inputs as typed CTEs in front of the model's own)
/// is the same shape on both targets; on SQL Server ScriptDom parses it.
/// </summary>
[TestFixture("duckdb")]
[TestFixture("sqlserver")]
public sealed class UnitTestCompileTests(string target)
{
    private TempProjectDirectory _project = null!;

    private const string Schema = """
        unit_tests:
          - name: counts_orders_per_customer
            model: customer_orders
            description: one row per customer, with the orders counted
            config: {tags: [unit, fast], meta: {owner: ana}}
            given:
              - input: ref('stg_orders')
                rows:
                  - {order_id: 1, customer_id: 1, ordered_at: '2024-01-05', note: "it's"}
              - input: source('shop', 'customers')
                format: csv
                rows: |
                  id,name
                  1,gerda
            expect:
              rows:
                - {customer_id: 1, n: 1}
        """;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProjectDirectory("name: shop\nprofile: shop\n");
        _project.Write("profiles.yml", target == "duckdb"
            ? "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n"
            : "shop:\n  target: dev\n  outputs:\n    dev:\n      type: sqlserver\n      server: localhost\n      database: shop\n      schema: dbo\n      user: sa\n      password: x\n");
        _project.Write("models/sources.yml", "sources:\n  - name: shop\n    tables:\n      - name: customers\n");
        _project.Write("models/stg_orders.sql", "select 1 as order_id, 1 as customer_id");
        _project.Write("models/customer_orders.sql", "with o as (\n    select customer_id, count(*) as n from {{ ref('stg_orders') }} group by customer_id\n)\n" +
            "select c.id as customer_id, o.n from {{ source('shop', 'customers') }} c join o on o.customer_id = c.id");
        _project.Write("models/schema.yml", Schema);
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private (CompiledProject? Project, IReadOnlyList<Diagnostic> Diagnostics) Compile()
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(_project.Options(profilesDir: _project.Root), diagnostics);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Environment = _ => null }, diagnostics);
        return (compiled, diagnostics.ToList());
    }

    private CompiledProject CompileClean()
    {
        var (compiled, diagnostics) = Compile();
        Assert.That(compiled, Is.Not.Null, string.Join("\n", diagnostics));
        return compiled!;
    }

    [Test]
    public void A_unit_test_is_a_node_that_reads_its_model()
    {
        var node = CompileClean().Nodes["unit_test.shop.customer_orders.counts_orders_per_customer"];

        Assert.That(node.ResourceType, Is.EqualTo(ResourceType.UnitTest));
        Assert.That(node.DependsOn, Is.EqualTo(new[] { "model.shop.customer_orders" }));
        Assert.That(node.Fqn, Is.EqualTo(new[] { "shop", "customer_orders", "counts_orders_per_customer" }));
        Assert.That(node.Config.Tags, Is.EqualTo(new[] { "unit", "fast" }));
        Assert.That(node.Description, Is.EqualTo("one row per customer, with the orders counted"));
        var inputs = node.UnitTest!.Inputs;
        Assert.That(inputs.Select(i => (i.UpstreamId, i.CteName)), Is.EqualTo(new[]
        {
            ("model.shop.stg_orders", "__dbt__cte__stg_orders"),
            ("source.shop.shop.customers", "__dbt__cte__shop_customers"),
        }));
        Assert.That(inputs[1].Rows!.Columns, Is.EqualTo(new[] { "id", "name" }));
        Assert.That(inputs[1].Rows!.Rows.Single(), Is.EqualTo(new[] { "1", "gerda" }));
    }

    [Test]
    public void The_unit_test_query_puts_typed_inputs_in_front_of_the_models_own_ctes()
    {
        var project = CompileClean();
        var node = project.Nodes["unit_test.shop.customer_orders.counts_orders_per_customer"];
        var sql = WarehouseAdapters.Find(target)!.Sql;
        // The types are what the warehouse describes for each upstream; here as each target spells them.
        var (integer, text) = target == "duckdb" ? ("INTEGER", "VARCHAR") : ("int", "nvarchar(100)");
        var types = new Dictionary<string, IReadOnlyList<TypedColumn>>
        {
            ["model.shop.stg_orders"] = [new("order_id", integer), new("customer_id", integer), new("ordered_at", "date"), new("note", text), new("amount", "decimal(10,2)")],
            ["source.shop.shop.customers"] = [new("id", integer), new("name", text)],
        };
        var inputs = node.UnitTest!.Inputs.ToDictionary(i => i.UpstreamId,
            i => (i.CteName, FixtureSql.Select(sql, types[i.UpstreamId], i.Rows)));

        var query = new UnitTestRenderer(project, null).Render(project.Nodes["model.shop.customer_orders"], inputs, node.UnitTest.Definition.Overrides);
        var expected = FixtureSql.Select(sql, [new("customer_id", integer), new("n", integer)], node.UnitTest.Expected.Rows);
        var empty = FixtureSql.Select(sql, types["source.shop.shop.customers"], null);

        Golden.GoldenFile.Verify($"tests/Compiler.Tests/UnitTests/UnitTestCompileTests.{target}.verified.sql",
            $"-- actual\n{query}\n\n-- expected\n{expected}\n\n-- empty input\n{empty}\n");
        if (target == "sqlserver")
        {
            TSqlAssert.Parses(query, "the unit test's query");
            TSqlAssert.Parses(expected, "the expected rows");
            TSqlAssert.Parses(empty, "an empty input");
            TSqlAssert.Parses(sql.DescribeQuery(query), "describing the unit test's query");
        }
    }

    [Test]
    public void Test_type_unit_selects_unit_tests_and_test_type_data_does_not()
    {
        _project.Write("models/schema2.yml", "models:\n  - name: stg_orders\n    columns:\n      - name: order_id\n        data_tests: [unique]\n");
        var project = CompileClean();

        Assert.That(Select(project, "test_type:unit"), Is.EqualTo(new[] { "unit_test.shop.customer_orders.counts_orders_per_customer" }));
        Assert.That(Select(project, "test_type:data"), Has.All.StartWith("test.shop.unique_stg_orders_order_id"));
        Assert.That(Select(project, "counts_orders_per_customer"), Is.EqualTo(new[] { "unit_test.shop.customer_orders.counts_orders_per_customer" }));
        Assert.That(Select(project, "resource_type:unit_test"), Is.EqualTo(new[] { "unit_test.shop.customer_orders.counts_orders_per_customer" }));
        Assert.That(Select(project, "stg_orders+"), Does.Contain("unit_test.shop.customer_orders.counts_orders_per_customer"));
    }

    private static IReadOnlyList<string> Select(CompiledProject project, string selector)
    {
        var diagnostics = new DiagnosticBag();
        var ids = NodeSelection.Select(project, new SelectionOptions { Select = [selector] }, diagnostics)!;
        Assert.That(diagnostics.HasErrors, Is.False, string.Join("\n", diagnostics.ToList()));
        return ids.Where(id => !id.StartsWith("model.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    [Test]
    public void The_project_files_unit_tests_tree_configures_them_by_model_path()
    {
        _project.Write("forge_project.yml", "name: shop\nprofile: shop\nunit_tests:\n  shop:\n    +tags: nightly\n    customer_orders:\n      +meta: {team: sales}\n");

        var node = CompileClean().Nodes["unit_test.shop.customer_orders.counts_orders_per_customer"];

        Assert.That(node.Config.Tags, Is.EquivalentTo(new[] { "nightly", "unit", "fast" }));
        Assert.That(node.Config.Meta["team"], Is.EqualTo("sales"));
    }

    [Test]
    public void The_project_file_can_disable_unit_tests()
    {
        _project.Write("forge_project.yml", "name: shop\nprofile: shop\nunit_tests:\n  shop:\n    +enabled: false\n");

        Assert.That(CompileClean().Nodes.Values.Where(n => n.ResourceType == ResourceType.UnitTest), Is.Empty);
    }

    [Test]
    public void A_disabled_unit_test_is_no_node()
    {
        _project.Write("models/schema.yml", Schema.Replace("config: {tags: [unit, fast], meta: {owner: ana}}", "config: {enabled: false}"));

        Assert.That(CompileClean().Nodes.Values.Where(n => n.ResourceType == ResourceType.UnitTest), Is.Empty);
    }
}
