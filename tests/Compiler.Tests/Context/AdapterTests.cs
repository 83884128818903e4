using NUnit.Framework;
using ModelForge.Compiler.Context;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class AdapterTests
{
    private static ContextHarness WithDatabase()
    {
        var harness = new ContextHarness { Adapter = new FakeAdapter() };
        harness.Adapter.Relations["raw.customers"] = new Relation(null, "raw", "customers", RelationType.Table, RelationQuoting.DuckDb);
        return harness;
    }

    [Test]
    public void Adapter_quote_uses_the_target_quote_characters()
    {
        Assert.That(CallMethod(new ContextHarness().Global("adapter"), "quote", "order id"), Is.EqualTo("\"order id\""));
        var sqlServer = new ContextHarness { Target = new TargetInfo("prod", "sqlserver", "dbo") };
        Assert.That(CallMethod(sqlServer.Global("adapter"), "quote", "order id"), Is.EqualTo("[order id]"));
    }

    [Test]
    public void Adapter_type_is_the_target_type() =>
        Assert.That(CallMethod(new ContextHarness().Global("adapter"), "type"), Is.EqualTo("duckdb"));

    [Test]
    public void Get_relation_asks_the_database()
    {
        var adapter = WithDatabase().Global("adapter");
        var found = InvokeNamed(Attr(adapter, "get_relation"), [], ("database", "warehouse"), ("schema", "raw"), ("identifier", "customers"));
        var missing = InvokeNamed(Attr(adapter, "get_relation"), [], ("database", "warehouse"), ("schema", "raw"), ("identifier", "nope"));
        Assert.That(found, Is.InstanceOf<Relation>());
        Assert.That(missing, Is.Null);
    }

    [Test]
    public void Get_relation_without_a_database_finds_nothing() =>
        Assert.That(CallMethod(new ContextHarness().Global("adapter"), "get_relation", null, "raw", "customers"), Is.Null);

    [Test]
    public void Get_columns_in_relation_returns_columns_with_name_and_type()
    {
        var harness = WithDatabase();
        var relation = harness.Adapter!.Relations["raw.customers"];
        var columns = (List<object?>)CallMethod(harness.Global("adapter"), "get_columns_in_relation", relation)!;
        Assert.That(columns.Select(c => Attr(c, "name")), Is.EqualTo(new[] { "id", "name" }));
        Assert.That(Attr(columns[0], "data_type"), Is.EqualTo("INTEGER"));
        Assert.That(Attr(columns[1], "dtype"), Is.EqualTo("VARCHAR"));
        Assert.That(CallMethod(columns[1], "is_string"), Is.True);
        Assert.That(CallMethod(columns[0], "is_number"), Is.True);
        Assert.That(Attr(columns[0], "quoted"), Is.EqualTo("\"id\""));
    }

    [Test]
    public void Get_columns_in_relation_needs_a_relation()
    {
        var diagnostic = Fails(() => CallMethod(new ContextHarness().Global("adapter"), "get_columns_in_relation", "raw.customers"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2505"));
        Assert.That(diagnostic.Message, Does.Contain("got a string 'raw.customers'"));
    }

    [Test]
    public void Run_query_returns_the_rows_when_executing()
    {
        var harness = WithDatabase();
        var result = (QueryResult)harness.Call("run_query", "select 1 as n")!;
        Assert.That(result.Rows[0][0], Is.EqualTo(1L));
        Assert.That(harness.Adapter!.Statements, Is.EqualTo(new[] { "query: select 1 as n" }));
    }

    [Test]
    public void Run_query_is_none_while_parsing_and_runs_nothing()
    {
        var harness = WithDatabase();
        harness.Phase = RenderPhase.Parse;
        Assert.That(harness.Call("run_query", "select 1"), Is.Null);
        Assert.That(harness.Adapter!.Statements, Is.Empty);
    }

    [Test]
    public void Run_query_without_a_database_points_at_the_call()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("run_query", "select 1"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2508"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
        Assert.That(diagnostic.Hint, Does.Contain("{% if execute %}"));
    }

    [Test]
    public void Statement_results_are_stored_and_loaded_as_dbt_shapes_them()
    {
        // What the statement macro does: adapter.execute(sql, fetch=True), then store_result.
        var harness = WithDatabase();
        harness.Adapter!.NextResult = new QueryResult(["id", "name"], [[1, "a"], [2, "b"]]);
        var globals = harness.Globals();
        var executed = (object?[])InvokeNamed(Attr(globals["adapter"], "execute"), ["select id, name from t"], ("fetch", true))!;
        InvokeNamed(globals["store_result"], ["main"], ("response", executed[0]), ("agate_table", executed[1]));
        var loaded = (Dictionary<string, object?>)Invoke(globals["load_result"], "main")!;
        var data = (List<object?>)loaded["data"]!;
        Assert.That(data[1], Is.EqualTo(new object?[] { 2L, "b" }));
        Assert.That(loaded["table"], Is.SameAs(executed[1]));
        Assert.That(Attr(loaded["response"], "rows_affected"), Is.EqualTo(2L));
    }

    [Test]
    public void Execute_without_fetch_runs_the_statement_and_returns_an_empty_table()
    {
        var harness = WithDatabase();
        var executed = (object?[])CallMethod(harness.Global("adapter"), "execute", "drop table x")!;
        Assert.That(harness.Adapter!.Statements, Is.EqualTo(new[] { "execute: drop table x" }));
        Assert.That(((QueryResult)executed[1]!).Count, Is.Zero);
        Assert.That(executed[0]!.ToString(), Is.EqualTo("OK"));
    }

    [Test]
    public void Load_result_of_an_unknown_name_is_none() =>
        Assert.That(new ContextHarness().Call("load_result", "nothing"), Is.Null);

    [Test]
    public void Create_schema_runs_only_when_executing()
    {
        var harness = WithDatabase();
        var relation = new Relation(null, "marts", null, null, RelationQuoting.DuckDb);
        CallMethod(harness.Global("adapter"), "create_schema", relation);
        Assert.That(harness.Adapter!.Statements, Is.EqualTo(new[] { "create schema marts" }));
    }
}
