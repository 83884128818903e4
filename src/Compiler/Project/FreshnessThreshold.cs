namespace ModelForge.Compiler.Project;

/// <summary><c>{count: 12, period: hour}</c>; period is minute, hour or day.</summary>
public sealed record FreshnessThreshold(long Count, string Period)
{
    public TimeSpan ToTimeSpan() => Period switch
    {
        "minute" => TimeSpan.FromMinutes(Count),
        "hour" => TimeSpan.FromHours(Count),
        _ => TimeSpan.FromDays(Count),
    };
}
