namespace ModelForge.Compiler.Project;

/// <summary>A source's <c>freshness:</c>; a table's policy is the source's overlaid with its own.</summary>
public sealed record FreshnessPolicy(FreshnessThreshold? WarnAfter, FreshnessThreshold? ErrorAfter, string? Filter)
{
    /// <summary>True when neither threshold is set (nothing to check).</summary>
    public bool IsEmpty => WarnAfter is null && ErrorAfter is null;
}
