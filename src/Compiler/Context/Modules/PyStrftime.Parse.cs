using System.Globalization;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Modules;

internal static partial class PyStrftime
{
    /// <summary>Python's strptime: the whole text must match; naive unless %z or %Z is used.</summary>
    public static PyDateTime Parse(string text, string format, CallArguments call)
    {
        int year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0;
        int? dayOfYear = null;
        bool? pm = null;
        TimeSpan? offset = null;
        var pos = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (char.IsWhiteSpace(c))
            {
                while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
                continue;
            }
            if (c != '%' || i + 1 == format.Length)
            {
                if (pos >= text.Length || text[pos] != c) throw Mismatch(text, format, call);
                pos++;
                continue;
            }
            var directive = format[++i];
            switch (directive)
            {
                case 'Y': year = Number(4, 4); break;
                case 'y': var y = Number(1, 2); year = y < 69 ? 2000 + y : 1900 + y; break;
                case 'm': month = Number(1, 2); break;
                case 'd': day = Number(1, 2); break;
                case 'H': hour = Number(1, 2); break;
                case 'I': hour = Number(1, 2) % 12; pm ??= false; break;
                case 'M': minute = Number(1, 2); break;
                case 'S': second = Number(1, 2); break;
                case 'j': dayOfYear = Number(1, 3); break;
                case 'f':
                    var start = pos;
                    var digits = Number(1, 6);
                    micro = digits * (int)Math.Pow(10, 6 - (pos - start));
                    break;
                case 'p': pm = Word(["AM", "PM"]) == 1; break;
                case 'b': month = Word(MonthNames.Select(n => n[..3]).ToArray()) + 1; break;
                case 'B': month = Word(MonthNames) + 1; break;
                case 'a': Word(DayNames.Select(n => n[..3]).ToArray()); break;
                case 'A': Word(DayNames); break;
                case 'z': offset = ParseOffset(); break;
                case 'Z': Word(["UTC", "GMT"]); offset = TimeSpan.Zero; break;
                case '%': if (pos < text.Length && text[pos] == '%') pos++; else throw Mismatch(text, format, call); break;
                default: throw Mismatch(text, format, call);
            }
        }
        if (pos != text.Length) throw Mismatch(text, format, call);
        if (pm == true) hour += 12;
        var value = DateParts.Build(call, year, month, day, hour, minute, second, micro);
        if (dayOfYear is { } doy) value = new DateTime(year, 1, 1).AddDays(doy - 1) + value.TimeOfDay;
        return new PyDateTime(value, offset);

        int Number(int min, int max)
        {
            var start = pos;
            while (pos < text.Length && pos - start < max && char.IsAsciiDigit(text[pos])) pos++;
            if (pos - start < min) throw Mismatch(text, format, call);
            return int.Parse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture);
        }

        int Word(string[] words)
        {
            for (var w = 0; w < words.Length; w++)
            {
                if (string.Compare(text, pos, words[w], 0, words[w].Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    pos += words[w].Length;
                    return w;
                }
            }
            throw Mismatch(text, format, call);
        }

        TimeSpan ParseOffset()
        {
            if (pos < text.Length && text[pos] == 'Z')
            {
                pos++;
                return TimeSpan.Zero;
            }
            if (pos >= text.Length || (text[pos] != '+' && text[pos] != '-')) throw Mismatch(text, format, call);
            var negative = text[pos++] == '-';
            var hours = Number(2, 2);
            if (pos < text.Length && text[pos] == ':') pos++;
            var minutes = Number(2, 2);
            var result = new TimeSpan(hours, minutes, 0);
            return negative ? -result : result;
        }
    }

    private static Diagnostics.DiagnosticException Mismatch(string text, string format, CallArguments call) =>
        ContextErrors.DateParse(text, format, call.CallSpan);
}
