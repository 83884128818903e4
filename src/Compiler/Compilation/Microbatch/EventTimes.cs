using System.Globalization;

namespace ModelForge.Compiler.Compilation.Microbatch;

/// <summary>Reads a begin config or an --event-time-* flag: a date or timestamp, taken as UTC when it has no offset.</summary>
internal static class EventTimes
{
    public static DateTimeOffset? Parse(object? value) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind)).ToUniversalTime(),
        DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        string text when text.Trim().Length >= 10 && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
        _ => null,
    };
}
