using ModelForge.Compiler.Context.Runtime;

namespace ModelForge.Compiler.Context.Modules;

internal sealed partial class PyDateTime
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "year" => (long)Value.Year,
            "month" => (long)Value.Month,
            "day" => (long)Value.Day,
            "hour" => (long)Value.Hour,
            "minute" => (long)Value.Minute,
            "second" => (long)Value.Second,
            "microsecond" => Microsecond,
            "tzinfo" => Offset is { } o ? (o == TimeSpan.Zero ? PyTimezone.Utc : new PyTimezone(o)) : null,
            "strftime" => new Function("strftime", a => PyStrftime.Format(Value, Offset,
                Args.String(a, 0, "format", "strftime", "dt.strftime('%Y-%m-%d')"))),
            "isoformat" => new Function("isoformat", a => IsoFormat(
                Args.OptionalString(a, 0, "sep", "isoformat", "dt.isoformat(sep='T')") ?? "T")),
            "date" => new Function("date", _ => new PyDate(DateOnly.FromDateTime(Value))),
            "time" => new Function("time", _ => Value.ToString(Microsecond == 0 ? "HH:mm:ss" : "HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)),
            "timestamp" => new Function("timestamp", _ =>
                (Value - (Offset ?? TimeSpan.Zero) - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond),
            "weekday" => new Function("weekday", _ => (long)(((int)Value.DayOfWeek + 6) % 7)),
            "isoweekday" => new Function("isoweekday", _ => (long)(((int)Value.DayOfWeek + 6) % 7 + 1)),
            "replace" => new Function("replace", Replace),
            "astimezone" => new Function("astimezone", a => AsTimezone(a.Get(0, "tz"))),
            "__add__" or "__radd__" => new Function(name, a => Operators.Add(this, a.Get(0, "other"), a)),
            "__sub__" => new Function(name, a => Operators.Subtract(this, a.Get(0, "other"), a)),
            _ => Operators.Comparison(this, name),
        };
        return value is not null || name == "tzinfo";
    }

    private PyDateTime Replace(Templating.Runtime.CallArguments a)
    {
        const string usage = "dt.replace(year=…, month=…, day=…, hour=…, minute=…, second=…, microsecond=…, tzinfo=…)";
        int Part(int index, string name, int current) => (int)(Args.OptionalInt(a, index, name, "replace", usage) ?? current);
        var value = DateParts.Build(a,
            Part(0, "year", Value.Year), Part(1, "month", Value.Month), Part(2, "day", Value.Day),
            Part(3, "hour", Value.Hour), Part(4, "minute", Value.Minute), Part(5, "second", Value.Second),
            Part(6, "microsecond", (int)Microsecond));
        var tz = a.Get(7, "tzinfo", out var tzGiven);
        var offset = tzGiven ? (tz as PyTimezone)?.Offset : Offset;
        return new PyDateTime(value, offset);
    }

    // Naive values are taken as UTC, the zone run_started_at and utcnow() use.
    private PyDateTime AsTimezone(object? tz)
    {
        var target = (tz as PyTimezone)?.Offset ?? TimeSpan.Zero;
        var utc = Value - (Offset ?? TimeSpan.Zero);
        return new PyDateTime(utc + target, target);
    }
}
