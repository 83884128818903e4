using System.Data.Common;
using ModelForge.Compiler.Seeds;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// Bulk-writes a seed's rows into an existing, empty table whose columns are the seed's, in order.
/// One per target: DuckDB's appender (DuckDbSeedWriter), SQL Server's SqlBulkCopy (SqlServerSeedWriter).
/// </summary>
internal interface ISeedWriter
{
    /// <summary>Writes every row of <paramref name="seed"/>; returns the number written. Database failures throw <see cref="DbException"/>.</summary>
    long Write(DbConnection connection, string? database, string schema, string table, SeedFile seed);
}
