namespace ModelForge.Runner.Connections.DuckDb;

/// DuckDB's temporal encodings (days or micro/nanoseconds since 1970-01-01, microseconds since
/// midnight) to and from .NET values. DuckDB's 'infinity' and '-infinity' map to MaxValue and
/// MinValue; values beyond .NET's year 1..9999 are rejected rather than wrapped.
internal static class Temporal
{
    private const int UnixEpochDayNumber = 719162;
    private const long TicksPerMicro = 10;
    private const int DateInfinity = int.MaxValue;
    private const long TimestampInfinity = long.MaxValue;

    public static DateOnly ToDate(int days)
    {
        if (days == DateInfinity)
        {
            return DateOnly.MaxValue;
        }

        if (days == -DateInfinity)
        {
            return DateOnly.MinValue;
        }

        var dayNumber = (long)days + UnixEpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new OverflowException($"DuckDB DATE {days} days from 1970-01-01 is outside the range of DateOnly.");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    public static int FromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    /// A timestamp counts seconds, milliseconds or microseconds (ticksPerUnit >= 1, unitsPerTick 1)
    /// or nanoseconds (unitsPerTick 100) since the epoch.
    public static DateTime ToDateTime(long value, long ticksPerUnit, long unitsPerTick, DateTimeKind kind)
    {
        if (value == TimestampInfinity)
        {
            return DateTime.SpecifyKind(DateTime.MaxValue, kind);
        }

        if (value == -TimestampInfinity)
        {
            return DateTime.SpecifyKind(DateTime.MinValue, kind);
        }

        var ticks = unitsPerTick > 1 ? value / unitsPerTick : (Int128)value * ticksPerUnit;
        var absolute = ticks + DateTime.UnixEpoch.Ticks;
        if (absolute < DateTime.MinValue.Ticks || absolute > DateTime.MaxValue.Ticks)
        {
            throw new OverflowException($"DuckDB timestamp {value} is outside the range of DateTime.");
        }

        return new DateTime((long)absolute, kind);
    }

    public static DateTime FromMicros(long micros) => ToDateTime(micros, TicksPerMicro, 1, DateTimeKind.Unspecified);

    public static long ToMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TicksPerMicro;

    public static TimeSpan TimeFromMicros(long micros) => TimeSpan.FromTicks(micros * TicksPerMicro);

    public static long TimeToMicros(TimeSpan value) => value.Ticks / TicksPerMicro;

    /// INTERVAL keeps months apart because their length varies; TimeSpan cannot, so a month
    /// counts as 30 days here (DuckDB's own epoch() of an interval does the same).
    public static TimeSpan IntervalToTimeSpan(int months, int days, long micros) =>
        TimeSpan.FromDays((months * 30L) + days) + TimeSpan.FromTicks(micros * TicksPerMicro);

    /// TIME WITH TIME ZONE packs microseconds in the upper 40 bits and an inverted offset
    /// (seconds, biased by 16 hours minus one second) in the lower 24.
    public static string FormatTimeTz(ulong bits)
    {
        const int maxOffset = (16 * 60 * 60) - 1;
        var micros = (long)(bits >> 24);
        var offsetSeconds = maxOffset - (int)(bits & 0xFFFFFF);
        var time = TimeFromMicros(micros);
        var sign = offsetSeconds < 0 ? '-' : '+';
        var offset = TimeSpan.FromSeconds(Math.Abs(offsetSeconds));
        var offsetText = offset.Minutes == 0 && offset.Seconds == 0 ? $"{offset.Hours:00}" : $"{offset.Hours:00}:{offset.Minutes:00}";
        return FormatTime(time) + sign + offsetText;
    }

    public static string FormatTime(TimeSpan time)
    {
        var text = $"{time.Hours:00}:{time.Minutes:00}:{time.Seconds:00}";
        var fraction = time.Ticks % TimeSpan.TicksPerSecond / TicksPerMicro;
        return fraction == 0 ? text : text + "." + fraction.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
