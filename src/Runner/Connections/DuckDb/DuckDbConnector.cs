using DuckDB.NET.Data;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// Opens DuckDB.NET connections. DuckDB refuses to open one file twice from one process with
/// separate instances, so DuckDB.NET keeps one database instance per file and process, reference
/// counted, and every connection to the path connects through it: all threads of a run share the
/// database. ":memory:" is a private database per connection; ":memory:NAME" is shared like a file.
/// </summary>
internal static class DuckDbConnector
{
    /// <summary>Opens a connection to the database file at <paramref name="path"/> (or ":memory:").</summary>
    public static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection($"Data Source={path}");
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
}
