namespace ModelForge.Runner.Execution;

/// <summary>The outcome of one invocation that ran nodes.</summary>
internal sealed record RunSummary(
    string Command,
    string InvocationId,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    IReadOnlyList<NodeResult> Results)
{
    /// <summary>run_results.json's <c>args</c>: the flags of the invocation as dbt names them, which `forge retry` reads back.</summary>
    public IReadOnlyDictionary<string, object?> Args { get; init; } = new Dictionary<string, object?>();

    public TimeSpan Elapsed => CompletedAt - StartedAt;

    public int Count(NodeStatus status) => Results.Count(r => r.Status == status);

    /// <summary>Exit code 1 when any node errored, any test failed at error severity, or a microbatch model lost batches.</summary>
    public bool Failed => Results.Any(r => r.Status is NodeStatus.Error or NodeStatus.Fail or NodeStatus.PartialSuccess);
}
