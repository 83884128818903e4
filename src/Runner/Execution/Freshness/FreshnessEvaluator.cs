using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution.Freshness;

/// <summary>
/// Turns the newest load time into a status, as dbt does: older than error_after is an error,
/// else older than warn_after a warning, else a pass. An empty table (no load time) is as stale
/// as can be: error when error_after is set, else warn.
/// </summary>
internal static class FreshnessEvaluator
{
    public static FreshnessStatus Evaluate(FreshnessPolicy policy, TimeSpan? age)
    {
        if (age is not { } known) return policy.ErrorAfter is not null ? FreshnessStatus.Error : FreshnessStatus.Warn;
        if (policy.ErrorAfter is { } error && known > error.ToTimeSpan()) return FreshnessStatus.Error;
        if (policy.WarnAfter is { } warn && known > warn.ToTimeSpan()) return FreshnessStatus.Warn;
        return FreshnessStatus.Pass;
    }

    /// <summary>
    /// A value of loaded_at_field as a UTC instant. A timestamp without time zone is taken to be
    /// UTC (dbt's rule too): store load times in UTC, or convert them in loaded_at_field, e.g.
    /// <c>loaded_at_field: "loaded_at at time zone 'Europe/Paris'"</c>.
    /// </summary>
    public static DateTimeOffset? ToInstant(object? value) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Local } local => new DateTimeOffset(local).ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        _ => null,
    };

    /// <summary>Age for people: <c>2d 3h</c>, <c>5h 12m</c>, <c>42m</c>, <c>12s</c>.</summary>
    public static string FormatAge(TimeSpan age)
    {
        if (age < TimeSpan.Zero) return "in the future";
        if (age.TotalDays >= 1) return $"{(int)age.TotalDays}d {age.Hours}h";
        if (age.TotalHours >= 1) return $"{(int)age.TotalHours}h {age.Minutes}m";
        if (age.TotalMinutes >= 1) return $"{(int)age.TotalMinutes}m";
        return $"{(int)age.TotalSeconds}s";
    }
}
