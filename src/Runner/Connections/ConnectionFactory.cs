using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Runner.Connections.DuckDb;
using ModelForge.Runner.Connections.SqlServer;

namespace ModelForge.Runner.Connections;

/// <summary>
/// Opens connections for a target. A failure becomes one clear diagnostic naming the target and
/// where it points, never an exception trace.
/// </summary>
internal static class ConnectionFactory
{
    public static TargetSql SqlFor(TargetProfile target) => target switch
    {
        DuckDbTargetProfile => DuckDbSql.Instance,
        SqlServerTargetProfile => SqlServerSql.Instance,
        _ => throw Unsupported(target),
    };

    /// <summary>Opens a connection; throws <see cref="DiagnosticException"/> when it cannot.</summary>
    public static DbConnection Open(TargetProfile target)
    {
        if (Substitute.Value is { } substitute) return substitute(target);
        switch (target)
        {
            case DuckDbTargetProfile duck:
                try
                {
                    if (!duck.IsInMemory) Directory.CreateDirectory(Path.GetDirectoryName(duck.Path)!);
                    return DuckDbConnector.Open(duck.Path);
                }
                catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or IOException or UnauthorizedAccessException)
                {
                    throw new DiagnosticException(Diagnostic.Error(DiagnosticCodes.ConnectionFailed,
                        $"cannot open the DuckDB database of target '{target.Name}' at {duck.Path}: {e.Message}",
                        target.SourceSpan,
                        "check that the folder is writable and that no other program holds the database file open"));
                }
            case SqlServerTargetProfile sqlServer:
                return SqlServerConnector.Default.Open(sqlServer);
            default:
                throw Unsupported(target);
        }
    }

    /// <summary>
    /// Test seam: when set, <see cref="Open"/> returns this function's connection instead (a
    /// recording connection that needs no server). Flows to the run's worker threads.
    /// </summary>
    internal static readonly AsyncLocal<Func<TargetProfile, DbConnection>?> Substitute = new();

    public static string Describe(TargetProfile target) => target switch
    {
        DuckDbTargetProfile duck => $"duckdb {(duck.IsInMemory ? ":memory:" : duck.Path)}",
        SqlServerTargetProfile sqlServer => SqlServerConnectionString.Describe(sqlServer),
        _ => target.Type,
    };

    private static DiagnosticException Unsupported(TargetProfile target) =>
        new(Diagnostic.Error(DiagnosticCodes.ConnectionFailed,
            $"target '{target.Name}' is of type '{target.Type}', which forge cannot connect to yet",
            target.SourceSpan, "use a duckdb target for now; `forge compile` works for every target"));
}
