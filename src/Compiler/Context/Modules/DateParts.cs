using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>Builds dates from parts and reports an impossible one (month 13, 30 February) at the call.</summary>
internal static class DateParts
{
    public static DateOnly Build(CallArguments call, int year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            throw ContextErrors.DateValue($"year {year}, month {month}, day {day} is not a date", call.CallSpan);
        return new DateOnly(year, month, day);
    }

    public static DateTime Build(CallArguments call, int year, int month, int day, int hour, int minute, int second, int microsecond)
    {
        var date = Build(call, year, month, day);
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || microsecond is < 0 or > 999_999)
            throw ContextErrors.DateValue($"{hour}:{minute}:{second}.{microsecond} is not a time of day", call.CallSpan);
        return date.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(microsecond * 10L);
    }
}
