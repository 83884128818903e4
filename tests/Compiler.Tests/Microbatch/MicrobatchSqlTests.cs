using ModelForge.Compiler.Context;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Tests.SqlServer;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Microbatch;

/// <summary>The SQL of one microbatch batch: the filtered upstream and the delete of the window.</summary>
public sealed class MicrobatchSqlTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2024, 1, 3, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void On_SQL_Server_a_filtered_ref_is_an_aliased_derived_table_and_every_statement_parses()
    {
        var sql = SqlServerSql.Instance;
        var orders = new Relation("warehouse", "raw", "orders", "table", RelationQuoting.SqlServer)
        {
            EventTimeFilter = sql.EventTimeFilter("ordered_at", Start, End),
            RequireAlias = sql.Capabilities.DerivedTableNeedsAlias,
        };
        var target = sql.QualifiedName("warehouse", "analytics", "daily_orders");

        var select = $"select o.id, c.name from {orders.Render()} join [warehouse].[raw].[customers] c on c.id = _dbt_et_filter_subq_orders.id";
        var delete = sql.DeleteWindow(target, "ordered_at", Start, End);

        Assert.That(orders.Render(), Does.EndWith(") _dbt_et_filter_subq_orders"));
        Assert.That(delete, Does.Contain("[warehouse].[analytics].[daily_orders]").And.Contain("ordered_at >= cast('2024-01-02T00:00:00.000000' as datetime2(6))"));
        TSqlAssert.Parses(select.Replace(" o.id", " _dbt_et_filter_subq_orders.id"), "filtered ref");
        TSqlAssert.Parses(delete, "delete window");
        TSqlAssert.Parses($"SELECT * FROM {orders.Render()}", "filtered ref alone");
    }

    [Test]
    public void On_DuckDB_a_filtered_ref_has_no_alias_so_the_model_may_alias_it()
    {
        var sql = DuckDbSql.Instance;
        var orders = new Relation(null, "raw", "orders", "table", RelationQuoting.DuckDb)
        {
            EventTimeFilter = sql.EventTimeFilter("ordered_at", Start, End),
            RequireAlias = sql.Capabilities.DerivedTableNeedsAlias,
        };

        Assert.That(orders.Render(), Is.EqualTo("(select * from \"raw\".\"orders\" where ordered_at >= cast('2024-01-02 00:00:00.000000' as timestamp) " +
            "and ordered_at < cast('2024-01-03 00:00:00.000000' as timestamp))"));
    }
}
