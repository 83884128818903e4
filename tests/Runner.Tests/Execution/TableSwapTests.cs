using System.Data.Common;
using DuckDB.NET.Data;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.Materializations;
using ModelForge.Runner.Tests.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

/// <summary>
/// On DuckDB a table swap builds the helper table inside the transaction that swaps it in: one
/// commit per model, nothing of it visible before that commit, and every failure rolled back whole.
/// </summary>
public sealed class TableSwapTests
{
    private TempDatabase _database = null!;
    private DuckDBConnection _connection = null!;

    [SetUp]
    public void SetUp()
    {
        _database = new TempDatabase();
        _connection = new DuckDBConnection(_database.ConnectionString);
        _connection.Open();
        Execute(_connection, "create table main.orders as select 1 as version");
    }

    [TearDown]
    public void TearDown()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Test]
    public void The_helper_table_is_not_visible_to_another_connection_before_the_swap_commits()
    {
        using var other = new DuckDBConnection(_database.ConnectionString);
        other.Open();
        var context = Context();
        long? seenWhileBuilding = null;

        TableSwap.Replace(context, temp =>
        {
            var written = context.Execute(DuckDbSql.Instance.CreateTableAs(null, "main", temp, "select 2 as version"));
            seenWhileBuilding = Count(other, $"select count(*) from information_schema.tables where table_name = '{temp}'");
            return written;
        });

        Assert.That(seenWhileBuilding, Is.EqualTo(0), "the helper table was committed before the swap");
        Assert.That(Count(other, "select version from main.orders"), Is.EqualTo(2));
        Assert.That(Count(other, "select count(*) from information_schema.tables where table_name like 'orders__forge_%'"), Is.EqualTo(0));
    }

    [Test]
    public void A_failing_statement_after_the_build_leaves_the_previous_table_and_records_the_same_statements()
    {
        var context = Context();

        Assert.Throws<DuckDBException>(() => TableSwap.Replace(context, temp =>
        {
            context.Execute(DuckDbSql.Instance.CreateTableAs(null, "main", temp, "select 2 as version"));
            return context.Execute("create index orders_missing on main.orders__forge_tmp (no_such_column)");
        }));

        Assert.That(Count(_connection, "select version from main.orders"), Is.EqualTo(1));
        Assert.That(Count(_connection, "select count(*) from information_schema.tables where table_name like 'orders__forge_%'"), Is.EqualTo(0));
        Assert.That(context.Statements, Is.EqualTo(new[]
        {
            """drop table if exists "main"."orders__forge_tmp" """.TrimEnd(),
            """create table "main"."orders__forge_tmp" as (""" + "\nselect 2 as version\n)",
            "create index orders_missing on main.orders__forge_tmp (no_such_column)",
            """drop table if exists "main"."orders__forge_tmp" """.TrimEnd(),
        }));
        // The connection is usable again: the failed transaction was rolled back.
        Assert.That(Count(_connection, "select 1"), Is.EqualTo(1));
    }

    [Test]
    public void An_exception_that_is_not_the_database_s_rolls_the_helper_table_back()
    {
        var context = Context();

        Assert.Throws<InvalidOperationException>(() => TableSwap.Replace(context, temp =>
        {
            context.Execute(DuckDbSql.Instance.CreateTableAs(null, "main", temp, "select 2 as version"));
            throw new InvalidOperationException("the build stopped");
        }));

        Assert.That(Count(_connection, "select version from main.orders"), Is.EqualTo(1));
        Assert.That(Count(_connection, "select count(*) from information_schema.tables where table_name like 'orders__forge_%'"), Is.EqualTo(0));
    }

    private MaterializationContext Context() => new(_connection, DuckDbSql.Instance, new RelationCache(DuckDbSql.Instance))
    {
        Database = null,
        Schema = "main",
        Identifier = "orders",
        CompiledSql = "select 2 as version",
    };

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
