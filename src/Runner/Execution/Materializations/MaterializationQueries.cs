using System.Data.Common;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>The metadata and checking queries materializations run besides their statements.</summary>
internal static class MaterializationQueries
{
    public static IReadOnlyList<TableColumn> Columns(this MaterializationContext context, string? database, string schema, string identifier) =>
        ColumnsOf(context, context.Sql.ListColumns(database, schema, identifier));

    public static IReadOnlyList<TableColumn> StagingColumns(this MaterializationContext context, string? database, string schema, string identifier) =>
        ColumnsOf(context, context.Sql.ListStagingColumns(database, schema, identifier));

    private static List<TableColumn> ColumnsOf(MaterializationContext context, string query)
    {
        var columns = new List<TableColumn>();
        foreach (var row in context.Query(query)) columns.Add(new TableColumn((string)row[0]!, (string)row[1]!));
        return columns;
    }

    /// <summary>Runs a query and returns its rows; the query is not logged with the statements.</summary>
    public static List<object?[]> Query(this MaterializationContext context, string sql, DbTransaction? transaction = null)
    {
        using var command = context.Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : DbNumbers.Widen(Connections.DuckDb.DuckDbValues.Read(reader, i));
            rows.Add(row);
        }
        return rows;
    }
}
