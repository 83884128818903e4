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
/// DuckDB's runner half. Deliberately thin: the provider (connection, profile setup, exception,
/// error categories and positions) lives in Connections/DuckDb/.
/// </summary>
internal sealed class DuckDbRunnerAdapter : IRunnerAdapter
{
    public static readonly DuckDbRunnerAdapter Instance = new();

    public IWarehouseAdapter Warehouse => DuckDbAdapter.Instance;

    public ISeedWriter SeedWriter => DuckDbSeedWriter.Instance;

    public DbConnection Open(TargetProfile target)
    {
        var duck = (DuckDbTargetProfile)target;
        DbConnection connection;
        try
        {
            if (!duck.IsInMemory) Directory.CreateDirectory(Path.GetDirectoryName(duck.Path)!);
            connection = duck.IsInMemory ? DuckDbConnector.OpenShared(duck.MemoryIdentity, duck.ConfigOptions) : DuckDbConnector.Open(duck.Path, duck.ConfigOptions);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error(DiagnosticCodes.ConnectionFailed,
                $"cannot open the DuckDB database of target '{target.Name}' at {duck.Path}: {e.Message}",
                target.SourceSpan,
                "check that the folder is writable and that no other program holds the database file open"));
        }
        try
        {
            // Every connection, as each of dbt-duckdb's cursors: settings are per connection, and a
            // file's database instance closed between commands has lost its extensions and attachments.
            FindFilesUnder(connection, duck.FilesRoot);
            DuckDbSessionApplier.Apply(connection, duck);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Only an existing file, and only the database: creating the file, attaching, installing or
    // loading extensions wait for the run's own connection, so a run that stops first leaves no trace.
    // The run's connection to the same path then joins this database instance (DuckDB.NET keeps one
    // per file); the configuration is the profile's either way.
    public IDisposable? OpenAhead(TargetProfile target) => target switch
    {
        DuckDbTargetProfile { IsInMemory: true } => null,
        DuckDbTargetProfile duck when duck.Path.StartsWith("md:", StringComparison.OrdinalIgnoreCase) || !File.Exists(duck.Path) => null,
        DuckDbTargetProfile duck => DuckDbConnector.Open(duck.Path, duck.ConfigOptions),
        _ => null,
    };

    public string Describe(TargetProfile target) =>
        target is DuckDbTargetProfile duck ? $"duckdb {(duck.IsInMemory ? ":memory:" : duck.Path)}" : target.Type;

    // Every change to a DuckDB file goes through its write-ahead log or the file itself; attached
    // databases and MotherDuck live elsewhere, so they are not vouched for.
    public IReadOnlyList<string>? CatalogFiles(TargetProfile target) => target switch
    {
        DuckDbTargetProfile { Attachments.Count: > 0 } => null,
        DuckDbTargetProfile { IsInMemory: true } => [],
        DuckDbTargetProfile duck when duck.Path.StartsWith("md:", StringComparison.OrdinalIgnoreCase) => null,
        DuckDbTargetProfile duck => [duck.Path, duck.Path + ".wal"],
        _ => null,
    };

    public IReadOnlyList<ConnectionCheck> Check(DbConnection connection, TargetProfile target) =>
        target is DuckDbTargetProfile duck ? DuckDbSessionChecker.Check(connection, duck) : [];

    // Secret values are masked wherever they appear, whatever key they sit under.
    public string ScrubSecrets(string text, TargetProfile target)
    {
        if (target is not DuckDbTargetProfile duck) return text;
        foreach (var secret in duck.Secrets)
        {
            foreach (var (key, value) in secret.Parameters)
            {
                if (key is "provider" or "scope") continue;
                if (Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { Length: >= 3 } shown)
                    text = text.Replace(shown, "********", StringComparison.Ordinal);
            }
        }
        return text;
    }

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
