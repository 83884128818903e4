namespace ModelForge.Runner.Execution;

/// <summary>dbt's statuses: models succeed or error; tests pass, warn, fail or error; anything can be skipped.</summary>
internal enum NodeStatus
{
    Success,
    Error,
    Skipped,
    Pass,
    Warn,
    Fail,

    /// <summary>A microbatch model some of whose batches failed: the others were kept (dbt 1.9).</summary>
    PartialSuccess,
}

internal static class NodeStatusExtensions
{
    /// <summary>True for outcomes that make downstream nodes skip.</summary>
    public static bool BlocksDownstream(this NodeStatus status) =>
        status is NodeStatus.Error or NodeStatus.Skipped or NodeStatus.Fail;

    public static string ToArtifactString(this NodeStatus status) => status switch
    {
        NodeStatus.Success => "success",
        NodeStatus.Error => "error",
        NodeStatus.Skipped => "skipped",
        NodeStatus.Pass => "pass",
        NodeStatus.Warn => "warn",
        NodeStatus.Fail => "fail",
        NodeStatus.PartialSuccess => "partial success",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
