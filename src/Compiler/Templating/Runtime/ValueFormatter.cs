using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// Turns template values into text the way Python does: <see cref="ToStr"/> is <c>str(x)</c>
/// (what <c>{{ x }}</c> prints) and <see cref="ToRepr"/> is <c>repr(x)</c> (how items print
/// inside a list or dict).
/// </summary>
public static class ValueFormatter
{
    /// <summary>Python's <c>str()</c>: None → <c>None</c>, True → <c>True</c>, 1.0 → <c>1.0</c>, strings as they are, lists as <c>['a', 1]</c>.</summary>
    public static string ToStr(object? value) => value switch
    {
        string s => s,
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        Int128 i128 => i128.ToString(CultureInfo.InvariantCulture),
        UInt128 u128 => u128.ToString(CultureInfo.InvariantCulture),
        System.Numerics.BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        Undefined => "",
        _ when IsContainer(value) => ToRepr(value),
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>repr()</c>: strings quoted (<c>'a'</c>), everything else as <see cref="ToStr"/>.</summary>
    public static string ToRepr(object? value)
    {
        if (value is string s) return QuoteString(s);
        if (!IsContainer(value)) return ToStr(value);
        var sb = new StringBuilder();
        AppendRepr(sb, value, 0);
        return sb.ToString();
    }

    private static bool IsContainer(object? value) =>
        value is IList<object?> or TemplateDict or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>;

    // The containers being printed on this thread, outermost first: a value that contains itself
    // prints as [...] or {...}, as in Python (also through a namespace's own repr, hence per thread).
    [ThreadStatic]
    private static List<object>? t_printing;

    private static void AppendRepr(StringBuilder sb, object? value, int depth)
    {
        if (depth > 100)
        {
            sb.Append("...");
            return;
        }
        if (value is null or string || !IsContainer(value))
        {
            AppendLeaf(sb, value);
            return;
        }
        var printing = t_printing ??= [];
        foreach (var open in printing)
        {
            if (ReferenceEquals(open, value))
            {
                sb.Append(value is IList<object?> ? (value is object?[] ? "(...)" : "[...]") : "{...}");
                return;
            }
        }
        // Shared (not circular) parts can still multiply: [x, x] nested 40 times.
        if (sb.Length > TemplateLimits.MaxOutputChars) throw new ValueTooLargeException();
        printing.Add(value);
        try
        {
            AppendContainer(sb, value, depth);
        }
        finally
        {
            printing.RemoveAt(printing.Count - 1);
        }
    }

    private static void AppendLeaf(StringBuilder sb, object? value)
    {
        if (value is string s) sb.Append(QuoteString(s));
        else if (value is Undefined) sb.Append("Undefined");
        else sb.Append(ToStr(value));
    }

    private static void AppendContainer(StringBuilder sb, object? value, int depth)
    {
        switch (value)
        {
            case string s:
                sb.Append(QuoteString(s));
                break;
            case object?[] tuple:
                sb.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendRepr(sb, tuple[i], depth + 1);
                }
                if (tuple.Length == 1) sb.Append(',');
                sb.Append(')');
                break;
            case IList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendRepr(sb, list[i], depth + 1);
                }
                sb.Append(']');
                break;
            case TemplateDict typed:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in typed.TypedItems)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendRepr(sb, key, depth + 1);
                    sb.Append(": ");
                    AppendRepr(sb, item, depth + 1);
                }
                sb.Append('}');
                break;
            case Undefined:
                sb.Append("Undefined");
                break;
            case IDictionary<string, object?> dict:
                AppendDict(sb, dict, depth);
                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                AppendDict(sb, readOnly, depth);
                break;
            default:
                sb.Append(ToStr(value));
                break;
        }
    }

    private static void AppendDict(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> dict, int depth)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, item) in dict)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(QuoteString(key)).Append(": ");
            AppendRepr(sb, item, depth + 1);
        }
        sb.Append('}');
    }

    /// <summary>Python's string repr: single quotes unless the text has a single quote and no double quote.</summary>
    public static string QuoteString(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < ' ' || c == '\x7f') sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>Python's float repr: shortest round-trip digits, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>, <c>inf</c>, <c>nan</c>.</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        // "E16" is not shortest; "R" is, so take its digits and exponent and lay them out as Python does.
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative) r = r[1..];
        var exponent = 0;
        var ePos = r.IndexOf('E');
        if (ePos >= 0)
        {
            exponent = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        var dot = r.IndexOf('.');
        var intPart = dot < 0 ? r : r[..dot];
        var fracPart = dot < 0 ? "" : r[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        // Value = 0.digits × 10^decimalPoint.
        var decimalPoint = intPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sciExponent = decimalPoint - 1;
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (sciExponent < -4 || sciExponent >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(sciExponent < 0 ? '-' : '+');
            sb.Append(Math.Abs(sciExponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decimalPoint <= 0)
        {
            sb.Append("0.").Append('0', -decimalPoint).Append(digits);
        }
        else if (decimalPoint >= digits.Length)
        {
            sb.Append(digits).Append('0', decimalPoint - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
        }
        return sb.ToString();
    }
}
