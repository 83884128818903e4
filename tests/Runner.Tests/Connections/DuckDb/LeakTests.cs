using System.Diagnostics;
using DuckDB.NET.Data;
using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// Native memory is invisible to the GC, so these watch the process working set: a leak of every
/// result (a 2,000-row chunk of strings) or every connection would grow it by hundreds of MB
/// over these loops (measured with forge's earlier provider by disabling duckdb_destroy_result or
/// duckdb_disconnect: +700 MB and +400 MB), far beyond the slack allowed for allocator caching.
[TestFixture]
[NonParallelizable]
internal sealed class LeakTests
{
    private const long AllowedGrowth = 150L * 1024 * 1024;

    [Test]
    public void Opening_and_closing_thousands_of_connections_does_not_grow_memory()
    {
        using var temp = new TempDatabase();
        using var keeper = DuckDbConnector.Open(temp.Path);
        SharedDatabaseTests.Execute(keeper, "create table t as select i, 'value number ' || i as s from range(2000) t(i)");

        Cycle(() => RunConnections(temp.Path, 100));
        var baseline = WorkingSet();
        Cycle(() => RunConnections(temp.Path, 1500));
        Assert.That(WorkingSet() - baseline, Is.LessThan(AllowedGrowth));
    }

    [Test]
    public void Reading_thousands_of_results_does_not_grow_memory()
    {
        using var connection = DuckDbConnector.Open(":memory:");
        SharedDatabaseTests.Execute(connection, "create table t as select i, 'a string longer than twelve bytes ' || i as s from range(3000) t(i)");

        Cycle(() => ReadResults(connection, 200));
        var baseline = WorkingSet();
        Cycle(() => ReadResults(connection, 3000));
        Assert.That(WorkingSet() - baseline, Is.LessThan(AllowedGrowth));
    }

    private static void RunConnections(string path, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var connection = DuckDbConnector.Open(path);
            using var command = connection.CreateCommand();

            // A temporary table lives in the connection's own context, so a connection that is
            // never disconnected keeps its ~200 KB alive.
            command.CommandText = "create temp table mine as select repeat('x', 100) || i as s from range(2000) t(i); select count(*) from t, mine where t.i = 7 and mine.s like $1";
            command.Parameters.Add(new DuckDBParameter("%1%"));
            command.ExecuteScalar();
        }
    }

    private static void ReadResults(DuckDBConnection connection, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "select * from t";
            using var reader = command.ExecuteReader();

            // Half the readers stop early: an abandoned result must be freed too.
            var rows = i % 2 == 0 ? int.MaxValue : 10;
            while (rows-- > 0 && reader.Read())
            {
                _ = reader.GetString(1);
            }
        }
    }

    private static void Cycle(Action action)
    {
        action();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
