namespace ModelForge.Compiler.Compilation.Microbatch;

/// <summary>
/// Window arithmetic in UTC, as dbt's microbatch builder does it: offsets apply to the truncated
/// time, so one day after 2024-09-17 23:59 is 2024-09-18 00:00.
/// </summary>
internal static class BatchCalendar
{
    public static DateTimeOffset Truncate(DateTimeOffset time, BatchSize size)
    {
        var t = time.UtcDateTime;
        var truncated = size switch
        {
            BatchSize.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
            BatchSize.Day => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc),
            BatchSize.Month => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        return new DateTimeOffset(truncated);
    }

    public static DateTimeOffset Offset(DateTimeOffset time, BatchSize size, int batches)
    {
        var start = Truncate(time, size);
        return size switch
        {
            BatchSize.Hour => start.AddHours(batches),
            BatchSize.Day => start.AddDays(batches),
            BatchSize.Month => start.AddMonths(batches),
            _ => start.AddYears(batches),
        };
    }

    /// <summary>The first window boundary at or after <paramref name="time"/>.</summary>
    public static DateTimeOffset Ceiling(DateTimeOffset time, BatchSize size)
    {
        var truncated = Truncate(time, size);
        return truncated == time ? truncated : Offset(truncated, size, 1);
    }

    public static BatchSize? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "hour" => BatchSize.Hour,
        "day" => BatchSize.Day,
        "month" => BatchSize.Month,
        "year" => BatchSize.Year,
        _ => null,
    };
}
