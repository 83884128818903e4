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
            return OpenConnection(duck.Path);
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

    public WarehouseError? Classify(Exception exception) => exception switch
    {
        DuckDbException { ErrorType: DuckDbErrorType.Constraint } e => new WarehouseError(WarehouseErrorKind.ConstraintViolation, e.Position),
        // The database file is held by another process (DuckDB allows one writer per file).
        DuckDbException e when e.Message.Contains("Could not set lock", StringComparison.Ordinal) => new WarehouseError(WarehouseErrorKind.Lock, e.Position),
        DuckDbException e => new WarehouseError(WarehouseErrorKind.Other, e.Position),
        _ => null,
    };

    private static DbConnection OpenConnection(string path)
    {
        var connection = new DuckDbConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }
}
