namespace ModelForge.Runner.Docs;

/// <summary>A node's last result from run_results.json.</summary>
internal sealed record NodeRunResult(string Status, double ExecutionTime, string? Message, string? CompletedAt);
