namespace ModelForge.Runner.Execution.Freshness;

public enum FreshnessStatus
{
    Pass,
    Warn,
    Error,

    /// <summary>The query failed (dbt's "runtime error"): no age is known.</summary>
    RuntimeError,
}
