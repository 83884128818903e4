using System.Data.Common;
using System.Diagnostics;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Freshness;

/// <summary>Checks one source table: max(loaded_at_field) (with the policy's filter) against the database's clock.</summary>
internal static class FreshnessChecker
{
    /// <summary>Whether forge can check <paramref name="node"/>: a source table with a policy and a loaded_at_field.</summary>
    public static bool IsCheckable(ProjectNode node) =>
        node.SourceTable is { Freshness: { IsEmpty: false }, LoadedAtField: { Length: > 0 } };

    public static FreshnessResult Check(ProjectNode node, DbConnection connection, TargetSql sql, string thread)
    {
        var table = node.SourceTable!;
        var policy = table.Freshness!;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        FreshnessResult Finish(FreshnessStatus status) => new(node.UniqueId, status, policy)
        {
            StartedAt = started, CompletedAt = DateTimeOffset.UtcNow, ExecutionTime = clock.Elapsed, ThreadId = thread,
        };

        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql.FreshnessQuery(node.Relation.Render(), table.LoadedAtField!, policy.Filter);
            using var reader = command.ExecuteReader();
            reader.Read();
            var maxLoadedAt = FreshnessEvaluator.ToInstant(reader.IsDBNull(0) ? null : reader.GetValue(0));
            var snapshottedAt = FreshnessEvaluator.ToInstant(reader.GetValue(1)) ?? DateTimeOffset.UtcNow;
            var age = maxLoadedAt is { } loaded ? snapshottedAt - loaded : (TimeSpan?)null;
            return Finish(FreshnessEvaluator.Evaluate(policy, age)) with { MaxLoadedAt = maxLoadedAt, SnapshottedAt = snapshottedAt };
        }
        catch (DbException e)
        {
            return Finish(FreshnessStatus.RuntimeError) with
            {
                Diagnostic = DiagnosticCodes.Contracts.FreshnessQueryFailed(table.Span, $"{table.SourceName}.{table.Name}", e.Message.Split('\n')[0].Trim()),
            };
        }
    }
}
