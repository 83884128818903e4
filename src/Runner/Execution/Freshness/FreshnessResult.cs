using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution.Freshness;

/// <summary>The freshness of one source table: an entry of target/sources.json and a console line.</summary>
internal sealed record FreshnessResult(string UniqueId, FreshnessStatus Status, FreshnessPolicy Policy)
{
    /// <summary>The newest loaded_at_field value, as a UTC instant; null for an empty table or on error.</summary>
    public DateTimeOffset? MaxLoadedAt { get; init; }

    /// <summary>The database's clock when the query ran.</summary>
    public DateTimeOffset? SnapshottedAt { get; init; }

    /// <summary>SnapshottedAt − MaxLoadedAt; null when either is unknown.</summary>
    public TimeSpan? Age => MaxLoadedAt is { } loaded && SnapshottedAt is { } now ? now - loaded : null;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public TimeSpan ExecutionTime { get; init; }

    public string? ThreadId { get; init; }

    public Diagnostic? Diagnostic { get; init; }
}
