using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary><c>modules.datetime</c>: the datetime, date, timedelta and timezone types of Python's module.</summary>
internal static class DateTimeModule
{
    private const string DateTimeUsage = "datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None)";
    private const string TimeDeltaUsage = "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)";

    private static readonly string[] IsoFormats =
    [
        "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M", "%Y-%m-%d",
    ];

    public static readonly Namespace Instance = new("<module 'datetime'>", new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["datetime"] = new TypeObject("datetime", NewDateTime, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["now"] = new Function("now", a => a.Get(0, "tz") is PyTimezone tz
                ? PyDateTime.From(DateTimeOffset.UtcNow.ToOffset(tz.Offset))
                : new PyDateTime(DateTime.Now, null)),
            ["utcnow"] = new Function("utcnow", _ => new PyDateTime(DateTime.UtcNow, null)),
            ["today"] = new Function("today", _ => new PyDateTime(DateTime.Now, null)),
            ["strptime"] = new Function("strptime", a => PyStrftime.Parse(
                Args.String(a, 0, "date_string", "strptime", "datetime.strptime('2024-01-31', '%Y-%m-%d')"),
                Args.String(a, 1, "format", "strptime", "datetime.strptime('2024-01-31', '%Y-%m-%d')"), a)),
            ["fromisoformat"] = new Function("fromisoformat", a => FromIsoFormat(a)),
            ["fromtimestamp"] = new Function("fromtimestamp", a =>
            {
                var seconds = Args.OptionalNumber(a, 0, "timestamp", "fromtimestamp", "datetime.fromtimestamp(0)") ?? 0;
                var utc = DateTime.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
                return a.Get(1, "tz") is PyTimezone tz ? new PyDateTime(utc + tz.Offset, tz.Offset) : new PyDateTime(utc.ToLocalTime(), null);
            }),
        }),
        ["date"] = new TypeObject("date", a => new PyDate(DateParts.Build(a,
            (int)(Args.OptionalInt(a, 0, "year", "date", "date(2024, 1, 31)") ?? throw Args.Missing(a, "date", "year", "date(2024, 1, 31)")),
            (int)(Args.OptionalInt(a, 1, "month", "date", "date(2024, 1, 31)") ?? throw Args.Missing(a, "date", "month", "date(2024, 1, 31)")),
            (int)(Args.OptionalInt(a, 2, "day", "date", "date(2024, 1, 31)") ?? throw Args.Missing(a, "date", "day", "date(2024, 1, 31)")))),
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["today"] = new Function("today", _ => new PyDate(DateOnly.FromDateTime(DateTime.Now))),
                ["fromisoformat"] = new Function("fromisoformat", a => new PyDate(DateOnly.FromDateTime(FromIsoFormat(a).Value))),
            }),
        ["timedelta"] = new TypeObject("timedelta", NewTimeDelta, new Dictionary<string, object?>()),
        ["timezone"] = new TypeObject("timezone", a => a.Get(0, "offset") is PyTimeDelta td ? new PyTimezone(td.Value) : PyTimezone.Utc,
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["utc"] = PyTimezone.Utc }),
    });

    private static PyDateTime NewDateTime(CallArguments a)
    {
        int Part(int index, string name, int? fallback) =>
            (int)(Args.OptionalInt(a, index, name, "datetime", DateTimeUsage) ?? fallback ?? throw Args.Missing(a, "datetime", name, DateTimeUsage));
        var value = DateParts.Build(a, Part(0, "year", null), Part(1, "month", null), Part(2, "day", null),
            Part(3, "hour", 0), Part(4, "minute", 0), Part(5, "second", 0), Part(6, "microsecond", 0));
        return new PyDateTime(value, (a.Get(7, "tzinfo") as PyTimezone)?.Offset);
    }

    private static PyTimeDelta NewTimeDelta(CallArguments a)
    {
        double Part(int index, string name) => Args.OptionalNumber(a, index, name, "timedelta", TimeDeltaUsage) ?? 0;
        var ticks = Part(0, "days") * TimeSpan.TicksPerDay + Part(1, "seconds") * TimeSpan.TicksPerSecond +
                    Part(2, "microseconds") * 10 + Part(3, "milliseconds") * TimeSpan.TicksPerMillisecond +
                    Part(4, "minutes") * TimeSpan.TicksPerMinute + Part(5, "hours") * TimeSpan.TicksPerHour +
                    Part(6, "weeks") * TimeSpan.TicksPerDay * 7;
        return new PyTimeDelta(TimeSpan.FromTicks((long)Math.Round(ticks)));
    }

    private static PyDateTime FromIsoFormat(CallArguments a)
    {
        var text = Args.String(a, 0, "date_string", "fromisoformat", "datetime.fromisoformat('2024-01-31T12:00:00')");
        var normalized = text.Length > 10 && text[10] == ' ' ? text[..10] + "T" + text[11..] : text;
        foreach (var format in IsoFormats)
        {
            if (TryParse(normalized, format, a) is { } value) return value;
        }
        throw ContextErrors.DateValue($"'{text}' is not an ISO date or datetime", a.CallSpan);
    }

    private static PyDateTime? TryParse(string text, string format, CallArguments a)
    {
        try
        {
            return PyStrftime.Parse(text, format, a);
        }
        catch (Diagnostics.DiagnosticException)
        {
            // Not this shape; the caller tries the next one and reports if none fits.
            return null;
        }
    }
}
