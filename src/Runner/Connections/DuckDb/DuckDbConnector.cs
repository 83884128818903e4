using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// Opens DuckDB.NET connections. DuckDB refuses to open one file twice from one process with
/// separate instances, so DuckDB.NET keeps one database instance per file and process, reference
/// counted, and every connection to the path connects through it: all threads of a run share the
/// database. A plain ":memory:" connection is a private database, so an in-memory target keeps one
/// anchor connection per target for the process and gives each thread a duplicate of it: one
/// database, as dbt-duckdb has one for all its threads.
/// </summary>
internal static class DuckDbConnector
{
    // Keyed by the profile's identity object: the anchor (and its database) lives as long as the profile.
    private static readonly ConditionalWeakTable<object, DuckDBConnection> Anchors = new();
    private static readonly Lock AnchorGate = new();

    /// <summary>
    /// Opens a connection to the database file at <paramref name="path"/> (or a private ":memory:");
    /// <paramref name="options"/> are DuckDB configuration given when the database opens.
    /// </summary>
    public static DuckDBConnection Open(string path, IReadOnlyDictionary<string, string>? options = null)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ["Data Source"] = path };
        foreach (var (key, value) in options ?? new Dictionary<string, string>()) builder[key] = value;
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A new connection to the one in-memory database of <paramref name="identity"/>, created on first use.</summary>
    public static DuckDBConnection OpenShared(object identity, IReadOnlyDictionary<string, string>? options = null)
    {
        lock (AnchorGate)
        {
            if (!Anchors.TryGetValue(identity, out var anchor))
            {
                anchor = Open(":memory:", options);
                Anchors.Add(identity, anchor);
            }
            var connection = anchor.Duplicate();
            if (connection.State != System.Data.ConnectionState.Open) connection.Open();
            return connection;
        }
    }
}
