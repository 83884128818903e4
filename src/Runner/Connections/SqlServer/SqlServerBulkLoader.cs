using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// SqlBulkCopy behind a SqlClient-free signature: rows go to the server as one TDS bulk stream
/// instead of one INSERT each. Columns are matched by position, as the seed's table is created
/// from the same column list.
/// </summary>
internal static class SqlServerBulkLoader
{
    /// <summary>
    /// Writes every row of <paramref name="rows"/> into <paramref name="destination"/> (a quoted,
    /// qualified name); throws <see cref="DbException"/> (SqlException) when the server refuses.
    /// </summary>
    public static void Write(DbConnection connection, string destination, DataTable rows)
    {
        var sql = (SqlConnection)connection;
        // TableLock: the table is a fresh helper nobody else reads, and a locked bulk load is
        // minimally logged. KeepNulls: an empty CSV field is NULL, not the column's default.
        using var bulk = new SqlBulkCopy(sql, SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.KeepNulls, null)
        {
            DestinationTableName = destination,
            BulkCopyTimeout = sql.CommandTimeout,
            EnableStreaming = true,
        };
        for (var i = 0; i < rows.Columns.Count; i++) bulk.ColumnMappings.Add(i, i);
        bulk.WriteToServer(rows);
    }
}
