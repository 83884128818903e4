using DuckDB.NET.Data;
using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// All threads of a run connect to one database instance per file (DuckDB refuses a second
/// instance on one file within a process).
[TestFixture]
internal sealed class SharedDatabaseTests
{
    [Test]
    public void Connections_on_many_threads_share_one_database()
    {
        using var temp = new TempDatabase();
        using (var setup = DuckDbConnector.Open(temp.Path)) Execute(setup, "create table hits(thread int)");

        Parallel.For(0, 8, thread =>
        {
            using var connection = DuckDbConnector.Open(temp.Path);
            for (var i = 0; i < 20; i++) Execute(connection, $"insert into hits values ({thread})");
        });

        using var check = DuckDbConnector.Open(temp.Path);
        Assert.That(Scalar(check, "select count(*) from hits"), Is.EqualTo(160L));
    }

    [Test]
    public void The_database_closes_with_its_last_connection_and_its_data_persists()
    {
        using var temp = new TempDatabase();
        using (var first = DuckDbConnector.Open(temp.Path))
        using (var second = DuckDbConnector.Open(temp.Path))
        {
            Execute(first, "create table kept as select 42 as answer");
            Assert.That(Scalar(second, "select answer from kept"), Is.EqualTo(42));
        }

        // Closed: the file is free for a fresh instance that reads what was written.
        using var again = DuckDbConnector.Open(temp.Path);
        Assert.That(Scalar(again, "select answer from kept"), Is.EqualTo(42));
    }

    [Test]
    public void Plain_memory_databases_are_private_and_named_ones_are_shared()
    {
        using var a = DuckDbConnector.Open(":memory:");
        using var b = DuckDbConnector.Open(":memory:");
        Execute(a, "create table only_in_a(i int)");
        Assert.That(() => Execute(b, "select * from only_in_a"), Throws.TypeOf<DuckDBException>());

        var name = ":memory:shared" + Guid.NewGuid().ToString("N");
        using var c = DuckDbConnector.Open(name);
        using var d = DuckDbConnector.Open(name);
        Execute(c, "create table in_both(i int)");
        Assert.That(() => Execute(d, "select * from in_both"), Throws.Nothing);
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
