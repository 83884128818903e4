using DuckDB.NET.Data;

namespace ModelForge.Runner.Tests.Support;

/// <summary>Reads a DuckDB file a test run produced, with a connection of its own.</summary>
internal static class Database
{
    public static List<object?[]> Query(string path, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static object? Scalar(string path, string sql) => Query(path, sql).Single()[0];

    public static void Execute(string path, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>table or view, or null when absent.</summary>
    public static string? RelationType(string path, string schema, string name) =>
        Query(path, $"select table_type from information_schema.tables where table_schema = '{schema}' and table_name = '{name}'")
            .Select(r => (string?)r[0]).SingleOrDefault() switch
        {
            "VIEW" => "view",
            null => null,
            _ => "table",
        };
}
