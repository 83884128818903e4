using System.Data.Common;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Runner.Analysis;
using ModelForge.Runner.Connections.DuckDb;
using ModelForge.Runner.Execution.Seeds;

namespace ModelForge.Runner.Connections.Adapters;

/// <summary>
/// DuckDB's runner half. Deliberately thin: the provider (connection, exception, error categories
/// and positions) lives in Connections/DuckDb/, and only <see cref="OpenConnection"/> and
/// <see cref="Classify"/> touch it, so swapping the provider changes those two members.
/// </summary>
internal sealed class DuckDbRunnerAdapter : IRunnerAdapter
{
    public static readonly DuckDbRunnerAdapter Instance = new();

    public IWarehouseAdapter Warehouse => DuckDbAdapter.Instance;

    public ISeedWriter SeedWriter => DuckDbSeedWriter.Instance;

    public DbConnection Open(TargetProfile target)
    {
        var duck = (DuckDbTargetProfile)target;
        try
        {
            if (!duck.IsInMemory) Directory.CreateDirectory(Path.GetDirectoryName(duck.Path)!);
            var connection = OpenConnection(duck.Path);
            try
            {
                FindFilesUnder(connection, duck.FilesRoot);
            }
            catch (DbException)
            {
                connection.Dispose();
                throw;
            }
            return connection;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error(DiagnosticCodes.ConnectionFailed,
                $"cannot open the DuckDB database of target '{target.Name}' at {duck.Path}: {e.Message}",
                target.SourceSpan,
                "check that the folder is writable and that no other program holds the database file open"));
        }
    }

    public string Describe(TargetProfile target) =>
        target is DuckDbTargetProfile duck ? $"duckdb {(duck.IsInMemory ? ":memory:" : duck.Path)}" : target.Type;

    // A DuckDB profile holds no secrets beyond what TargetInfo.IsSecretKey already masks.
    public string ScrubSecrets(string text, TargetProfile target) => text;

    // DuckDB's own parser (json_serialize_sql) in an in-memory database: the lineage pass needs no target.
    public IQueryParser LineageParser(TargetProfile target) => new DuckDbQueryParser();

    // DuckDB locates an error by quoting the statement's line; the offset needs the statement sent.
    public WarehouseError? Classify(Exception exception, string? statement = null)
    {
        if (exception is not DuckDB.NET.Data.DuckDBException and not DuckDbInterruptedException) return null;
        var error = (DbException)exception;
        int? offset = DuckDbErrors.TryPosition(error, statement, out var position) ? position : null;
        var kind = DuckDbErrors.IsConstraintViolation(error) ? WarehouseErrorKind.ConstraintViolation
            : DuckDbErrors.IsLocked(error) ? WarehouseErrorKind.Lock
            : WarehouseErrorKind.Other;
        return new WarehouseError(kind, offset);
    }

    private static DbConnection OpenConnection(string path) => DuckDbConnector.Open(path);

    // Relative paths in SQL (an external source's 'data/x.parquet', a view over a file) are read from
    // the project folder, as dbt-duckdb reads them from the folder dbt runs in, wherever forge runs.
    private static void FindFilesUnder(DbConnection connection, string? root)
    {
        if (root is null) return;
        using var command = connection.CreateCommand();
        command.CommandText = $"set file_search_path = '{root.Replace("'", "''", StringComparison.Ordinal)}'";
        command.ExecuteNonQuery();
    }
}
