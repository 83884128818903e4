using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Context.Modules;

/// <summary>Python's strftime/strptime directives (C locale), written out rather than mapped onto .NET format strings.</summary>
internal static partial class PyStrftime
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(DateTime value, TimeSpan? offset, string format)
    {
        var sb = new StringBuilder(format.Length + 8);
        var weekday = ((int)value.DayOfWeek + 6) % 7;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 == format.Length)
            {
                sb.Append(c);
                continue;
            }
            var directive = format[++i];
            switch (directive)
            {
                case 'Y': sb.Append(value.Year.ToString("0000", CultureInfo.InvariantCulture)); break;
                case 'y': sb.Append((value.Year % 100).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'm': sb.Append(value.Month.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'd': sb.Append(value.Day.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'H': sb.Append(value.Hour.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'I': sb.Append(((value.Hour + 11) % 12 + 1).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'p': sb.Append(value.Hour < 12 ? "AM" : "PM"); break;
                case 'M': sb.Append(value.Minute.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'S': sb.Append(value.Second.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'f': sb.Append((value.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture)); break;
                case 'j': sb.Append(value.DayOfYear.ToString("000", CultureInfo.InvariantCulture)); break;
                case 'a': sb.Append(DayNames[weekday][..3]); break;
                case 'A': sb.Append(DayNames[weekday]); break;
                case 'w': sb.Append((int)value.DayOfWeek); break;
                case 'u': sb.Append(weekday + 1); break;
                case 'b': sb.Append(MonthNames[value.Month - 1][..3]); break;
                case 'B': sb.Append(MonthNames[value.Month - 1]); break;
                case 'z': if (offset is { } o) sb.Append(FormatOffset(o, colon: false)); break;
                case 'Z': if (offset is { } z) sb.Append(z == TimeSpan.Zero ? "UTC" : PyTimezone.Describe(z)); break;
                case 'U': sb.Append(((value.DayOfYear + 6 - (int)value.DayOfWeek) / 7).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'W': sb.Append(((value.DayOfYear + 6 - weekday) / 7).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'V': sb.Append(ISOWeek.GetWeekOfYear(value).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'G': sb.Append(ISOWeek.GetYear(value).ToString("0000", CultureInfo.InvariantCulture)); break;
                case 'c': sb.Append(Format(value, offset, "%a %b ")).Append(value.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)).Append(Format(value, offset, " %H:%M:%S %Y")); break;
                case 'x': sb.Append(Format(value, offset, "%m/%d/%y")); break;
                case 'X': sb.Append(Format(value, offset, "%H:%M:%S")); break;
                case 'F': sb.Append(Format(value, offset, "%Y-%m-%d")); break;
                case 'T': sb.Append(Format(value, offset, "%H:%M:%S")); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(directive); break;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>+0100</c> or, with <paramref name="colon"/>, <c>+01:00</c>.</summary>
    public static string FormatOffset(TimeSpan offset, bool colon)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours + abs.Days * 24:00}{(colon ? ":" : "")}{abs.Minutes:00}");
        return abs.Seconds != 0 ? text + string.Create(CultureInfo.InvariantCulture, $"{(colon ? ":" : "")}{abs.Seconds:00}") : text;
    }
}
