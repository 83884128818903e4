using System.Data.Common;
using DuckDB.NET.Data;
using ModelForge.Compiler.Seeds;
using ModelForge.Runner.Connections.DuckDb;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// Loads through DuckDB.NET's appender, which bypasses SQL parsing and planning per row: a seed of
/// 50,000 rows costs one table scan's worth of work, not 50,000 INSERTs. The appender writes a
/// .NET value straight into the column's vector without casting, so every value is first converted
/// to the column's own type (<see cref="DuckDbAppendValues"/>). Columns of types it cannot write
/// (uuid, time, interval, json, …: declared in column_types, given as text) go through a staging
/// table of VARCHAR that DuckDB casts from in one INSERT … SELECT, as it would cast a literal.
/// </summary>
internal sealed class DuckDbSeedWriter : ISeedWriter
{
    public static readonly DuckDbSeedWriter Instance = new();

    public long Write(DbConnection connection, string? database, string schema, string table, SeedFile seed)
    {
        // The seed's own catalog: a +database or an attached target database is not the current one.
        var duckDb = (DuckDBConnection)connection;
        var catalog = string.IsNullOrEmpty(database) ? CurrentDatabase(duckDb) : database;
        var types = ColumnTypes(duckDb, catalog, schema, table);
        if (types.All(DuckDbAppendValues.CanAppend))
        {
            Append(duckDb.CreateAppender(catalog, schema, table), types, seed);
            return seed.Rows.Count;
        }

        var stage = $"{table}__forge_seed_stage";
        var stagedTypes = types.Select(t => DuckDbAppendValues.CanAppend(t) ? t : "VARCHAR").ToList();
        var columns = string.Join(", ", stagedTypes.Select((t, i) => $"c{i} {t}"));
        Execute(duckDb, $"create or replace temp table {Quote(stage)} ({columns})");
        try
        {
            // A temporary table lives in the catalog "temp", schema "main".
            Append(duckDb.CreateAppender("temp", "main", stage), stagedTypes, seed);
            var casts = string.Join(", ", types.Select((t, i) => stagedTypes[i] == t ? $"c{i}" : $"cast(c{i} as {t})"));
            Execute(duckDb, $"insert into {Quote(catalog)}.{Quote(schema)}.{Quote(table)} select {casts} from temp.{Quote(stage)}");
        }
        finally
        {
            Execute(duckDb, $"drop table if exists temp.{Quote(stage)}");
        }
        return seed.Rows.Count;
    }

    private static void Append(DuckDBAppender opened, IReadOnlyList<string> types, SeedFile seed)
    {
        using var appender = opened;
        foreach (var values in seed.Rows)
        {
            var row = appender.CreateRow();
            for (var i = 0; i < values.Length; i++) DuckDbAppendValues.Append(row, types[i], values[i]);
            row.EndRow();
        }
        appender.Close();
    }

    /// <summary>The table's column types as DuckDB names them ("INTEGER", "DECIMAL(18,2)", …), in column order.</summary>
    private static List<string> ColumnTypes(DuckDBConnection connection, string catalog, string schema, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"select data_type from duckdb_columns() where database_name = {Literal(catalog)} "
            + $"and schema_name = {Literal(schema)} and table_name = {Literal(table)} order by column_index";
        using var reader = command.ExecuteReader();
        var types = new List<string>();
        while (reader.Read()) types.Add(reader.GetString(0));
        return types;
    }

    private static string CurrentDatabase(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select current_database()";
        return (string)command.ExecuteScalar()!;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
