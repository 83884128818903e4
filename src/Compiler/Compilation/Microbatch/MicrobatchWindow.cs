using System.Globalization;

namespace ModelForge.Compiler.Compilation.Microbatch;

/// <summary>One batch of a microbatch model: the rows whose event_time is in [Start, End), in UTC.</summary>
internal sealed record MicrobatchWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>dbt's batch id: the start as yyyyMMdd, with THH for hourly batches.</summary>
    public string Id(BatchSize size) =>
        Start.UtcDateTime.ToString(size == BatchSize.Hour ? "yyyyMMdd'T'HH" : "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>How Python prints an aware datetime, which is what dbt's templates see.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    /// <summary>As run_results.json writes a batch bound (ISO 8601, UTC).</summary>
    public static string FormatIso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";
}
