using System.Data.Common;
using Microsoft.Data.SqlClient;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Runner.Connections.SqlServer;
using ModelForge.Runner.Execution.Seeds;

namespace ModelForge.Runner.Connections.Adapters;

/// <summary>
/// SQL Server's runner half: SqlClient connections with retries (<see cref="SqlServerConnector"/>),
/// SqlBulkCopy for seeds, and errors classified by their numbers. SQL Server locates an error by
/// the line of the batch only (<see cref="SqlException.LineNumber"/>), which is mapped to the model's line.
/// </summary>
internal sealed class SqlServerRunnerAdapter : IRunnerAdapter
{
    public static readonly SqlServerRunnerAdapter Instance = new();

    public IWarehouseAdapter Warehouse => SqlServerAdapter.Instance;

    public ISeedWriter SeedWriter => SqlServerSeedWriter.Instance;

    public DbConnection Open(TargetProfile target)
    {
        var sqlServer = (SqlServerTargetProfile)target;
        if (string.Equals(sqlServer.SqlServerVersion, "fabric", StringComparison.OrdinalIgnoreCase))
            throw new DiagnosticException(DiagnosticCodes.Adapters.FabricNotRunnable(target.SourceSpan, target.Name));
        return SqlServerConnector.Default.Open(sqlServer);
    }

    // A login has effects a failed run should not have (a login trigger, an audit entry, a lockout count).
    public IDisposable? OpenAhead(TargetProfile target) => null;

    public string Describe(TargetProfile target) =>
        target is SqlServerTargetProfile sqlServer ? SqlServerConnectionString.Describe(sqlServer) : target.Type;

    // A server's catalog can only be read by asking it.
    public IReadOnlyList<string>? CatalogFiles(TargetProfile target) => null;

    // The connection string is the whole profile, and opening it is the check.
    public IReadOnlyList<ConnectionCheck> Check(DbConnection connection, TargetProfile target) => [];

    public string ScrubSecrets(string text, TargetProfile target) =>
        target is SqlServerTargetProfile sqlServer ? SecretScrubber.Scrub(text, sqlServer) : text;

    public IQueryParser LineageParser(TargetProfile target) =>
        Warehouse.LineageParser(target) ?? new LineageTSqlParser(SqlServerAdapter.Grammar(target));

    public WarehouseError? Classify(Exception exception, string? statement = null)
    {
        if (exception is not SqlException sql) return null;
        var numbers = sql.Errors.Cast<SqlError>().Select(e => e.Number).DefaultIfEmpty(sql.Number).ToList();
        var kind = Classify(numbers);
        if (kind == WarehouseErrorKind.Other && TransientErrors.IsTransient(sql)) kind = WarehouseErrorKind.Transient;
        return new WarehouseError(kind, Line: sql.LineNumber > 0 ? sql.LineNumber : null);
    }

    /// <summary>The kind of an error from its SQL Server error numbers (a SqlException may carry several).</summary>
    internal static WarehouseErrorKind Classify(IReadOnlyList<int> numbers) =>
        numbers.Any(SqlServerErrors.IsConstraintViolationNumber) ? WarehouseErrorKind.ConstraintViolation
        : numbers.Any(n => n is 1205 or 1222) ? WarehouseErrorKind.Lock
        : numbers.Any(TransientErrors.IsTransientNumber) ? WarehouseErrorKind.Transient
        : WarehouseErrorKind.Other;
}
