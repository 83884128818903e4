using ModelForge.Compiler.Context;
using ModelForge.Compiler.Tests.Context;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

/// <summary>
/// dbt's query-shaped cross-database macros (generate_series, date_spine, except/intersect, equals)
/// render for SQL Server as T-SQL that ScriptDom parses where models put them: inside a CTE, in a WHERE.
/// </summary>
public sealed class DbtCrossDatabaseQueryMacroTests
{
    private static RenderHarness SqlServer(FakeAdapter? adapter = null)
    {
        var harness = new RenderHarness();
        harness.Context.Target = new TargetInfo("dev", "sqlserver", "analytics", "warehouse");
        harness.Context.Adapter = adapter;
        return harness;
    }

    /// <summary>A database whose every query answers <paramref name="intervals"/>, as datediff would.</summary>
    private static FakeAdapter Answering(long intervals) => new() { NextResult = new QueryResult(["intervals"], [[intervals]]) };

    [Test]
    public void Generate_series_parses_inside_a_cte_and_has_neither_with_nor_order_by()
    {
        var series = SqlServer().Render("{{ generate_series(10) }}");
        TSqlAssert.Parses($"with g as (\n{series}\n) select generated_number from g");
        Assert.That(series.ToLowerInvariant(), Does.Not.Contain("with ").And.Not.Contain("order by"));
        // 10 needs four bits: 2**4 = 16 >= 10.
        Assert.That(series, Does.Contain("p3.n * 8").And.Not.Contain("p4"));
    }

    [Test]
    public void Generate_series_writes_large_powers_of_two_as_numbers_not_power_calls()
    {
        var series = SqlServer().Render("{{ generate_series(5000000000) }}");
        TSqlAssert.Parses(series);
        Assert.That(series, Does.Contain("4294967296").And.Not.Contain("power("));
    }

    [Test]
    public void Generate_series_of_zero_is_refused_as_dbt_refuses_it()
    {
        var error = SqlServer().Fails("{{ generate_series(0) }}");
        Assert.That(error.Message, Does.Contain("upper bound must be positive"));
    }

    [Test]
    public void Date_spine_asks_datediff_of_the_database_and_parses_inside_a_cte_as_in_the_golden_file()
    {
        var adapter = Answering(9);
        var spine = SqlServer(adapter).Render("{{ dbt.date_spine('day', \"'2023-09-01'\", \"'2023-09-10'\") }}");

        Assert.That(adapter.Statements, Has.Count.EqualTo(1));
        var query = adapter.Statements[0];
        Assert.That(query, Is.EqualTo("query: select datediff(day, '2023-09-01', '2023-09-10') as intervals"));
        TSqlAssert.Parses(query["query: ".Length..]);
        var model = $"with spine as (\n{spine}\n)\nselect cast(date_day as date) as date_day from spine";
        TSqlAssert.Parses(model);
        GoldenFile.Verify("tests/Golden/SqlServer/date-spine.verified.sql", model + "\n");
    }

    [Test]
    public void Date_spine_while_parsing_runs_nothing_and_spans_one_interval()
    {
        var adapter = Answering(9);
        var harness = SqlServer(adapter);
        harness.Context.Phase = RenderPhase.Parse;

        var spine = harness.Render("{{ date_spine('month', 'start_at', 'end_at') }}");

        Assert.That(adapter.Statements, Is.Empty);
        Assert.That(spine, Does.Contain("where generated_number <= 1"));
        TSqlAssert.Parses(spine);
    }

    [Test]
    public void Except_and_intersect_join_two_selects_into_one_statement()
    {
        var sql = SqlServer().Render("select a from t {{ except() }} select a from u {{ intersect() }} select a from w");
        Assert.That(sql, Is.EqualTo("select a from t except select a from u intersect select a from w"));
        TSqlAssert.Parses(sql);
    }

    [Test]
    public void Equals_is_a_plain_comparison_unless_the_project_asks_for_truthy_nulls()
    {
        var plain = SqlServer().Render("select * from t where {{ equals('x', 'y') }}");
        Assert.That(plain, Is.EqualTo("select * from t where (x = y)"));

        var harness = SqlServer();
        harness.Context.Flags["enable_truthy_nulls_equals_macro"] = true;
        var truthy = harness.Render("select * from t where not {{ equals('x', 'y') }}");

        Assert.That(truthy, Does.Contain("(x is null and y is null)"));
        TSqlAssert.Parses(plain);
        TSqlAssert.Parses(truthy);
    }

    [Test]
    public void Arrays_are_json_texts_built_without_sql_server_2022_functions()
    {
        var sql = SqlServer().Render("select {{ array_concat(array_append(array_construct(['1', 'n']), \"'x'\"), array_construct([])) }} as tags from t");
        TSqlAssert.Parses(sql);
        Assert.That(sql.ToLowerInvariant(), Does.Not.Contain("json_array(").And.Contain("json_modify(json_modify(n'[]', 'append $', 1), 'append $', n)"));
    }

    [Test]
    public void Date_is_checked_by_dbts_default_and_built_from_parts_on_sql_server()
    {
        Assert.That(SqlServer().Render("{{ date('y', 'm', 1) }}"), Is.EqualTo("datefromparts(y, m, 1)"));
        var duckdb = new RenderHarness();
        Assert.That(duckdb.Render("{{ dbt.default__date(2024, 2, 29) }}"), Is.EqualTo("to_date('2024-02-29', 'YYYY-MM-DD')"));
        var error = duckdb.Fails("{{ dbt.default__date(2023, 2, 30) }}");
        Assert.That(error.Message, Does.Contain("day"));
    }

    [Test]
    public void Split_part_counts_a_negative_part_from_the_end_on_sql_server()
    {
        var sql = SqlServer().Render("select {{ split_part('s', \"'-'\", -2) }} as v from t");
        TSqlAssert.Parses(sql);
        Assert.That(sql, Does.Contain("desc offset 1 rows fetch next 1 rows only"));
    }
}
