using System.Data.Common;
using ModelForge.Compiler.Seeds;
using ModelForge.Runner.Connections.DuckDb;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// Loads through DuckDB's appender, which bypasses SQL parsing and planning per row: a seed of
/// 50,000 rows costs one table scan's worth of work, not 50,000 INSERTs.
/// </summary>
internal sealed class DuckDbSeedWriter : ISeedWriter
{
    public static readonly DuckDbSeedWriter Instance = new();

    public long Write(DbConnection connection, string? database, string schema, string table, SeedFile seed)
    {
        // The provider's appender takes schema and table only: it writes to the connection's
        // current database, which is where a DuckDB profile's relations live.
        var duckDb = (DuckDbConnection)connection;
        using var appender = duckDb.CreateAppender(table, schema);
        foreach (var row in seed.Rows) appender.AppendRow(row);
        appender.Close();
        return seed.Rows.Count;
    }
}
