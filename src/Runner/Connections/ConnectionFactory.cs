using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Runner.Connections.Adapters;

namespace ModelForge.Runner.Connections;

/// <summary>
/// Opens connections for a target through its warehouse's runner adapter. A failure becomes one
/// clear diagnostic naming the target and where it points, never an exception trace.
/// </summary>
internal static class ConnectionFactory
{
    public static TargetSql SqlFor(TargetProfile target) =>
        WarehouseAdapters.Find(target.Type)?.Sql ?? throw Unsupported(target);

    /// <summary>Opens a connection; throws <see cref="DiagnosticException"/> when it cannot.</summary>
    public static DbConnection Open(TargetProfile target)
    {
        if (Substitute.Value is { } substitute) return substitute(target);
        return (RunnerAdapters.Find(target) ?? throw Unsupported(target)).Open(target);
    }

    /// <summary>
    /// Test seam: when set, <see cref="Open"/> returns this function's connection instead (a
    /// recording connection that needs no server). Flows to the run's worker threads.
    /// </summary>
    internal static readonly AsyncLocal<Func<TargetProfile, DbConnection>?> Substitute = new();

    /// <summary>What `forge debug` verifies on <paramref name="connection"/> (the adapter's checks).</summary>
    public static IReadOnlyList<ConnectionCheck> Check(DbConnection connection, TargetProfile target) =>
        RunnerAdapters.Find(target)?.Check(connection, target) ?? [];

    public static string Describe(TargetProfile target) => RunnerAdapters.Find(target)?.Describe(target) ?? target.Type;

    private static DiagnosticException Unsupported(TargetProfile target) =>
        new(Diagnostic.Error(DiagnosticCodes.ConnectionFailed,
            $"target '{target.Name}' is of type '{target.Type}', which forge cannot connect to yet",
            target.SourceSpan, $"use one of: {string.Join(", ", RunnerAdapters.All.Select(a => a.Warehouse.Type))}; `forge compile` works for every target"));
}
