using System.Collections;
using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> of YAML values. dbt builds a generic test's name from
/// <c>str()</c> of its arguments and its unique id from the md5 of a <c>repr()</c>, so forge must
/// write values byte for byte as CPython 3 does for the names and ids to match dbt's.
/// </summary>
internal static class PythonText
{
    public static string Str(object? value) => value is string text ? text : Repr(value);

    // Test names and ids repr thousands of small values from the parallel parse loop: one builder per thread.
    [ThreadStatic] private static StringBuilder? t_repr;

    public static string Repr(object? value)
    {
        var builder = t_repr ?? new StringBuilder();
        t_repr = null;
        try
        {
            AppendRepr(builder.Clear(), value);
            return builder.ToString();
        }
        finally
        {
            if (builder.Capacity <= 16 * 1024) t_repr = builder;
        }
    }

    private static void AppendRepr(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("None");
                break;
            case bool flag:
                builder.Append(flag ? "True" : "False");
                break;
            case string text:
                AppendString(builder, text);
                break;
            case double number:
                builder.Append(Float(number));
                break;
            case float number:
                builder.Append(Float(number));
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                AppendDict(builder, pairs.Select(p => new KeyValuePair<object?, object?>(p.Key, p.Value)));
                break;
            case IDictionary dictionary:
                AppendDict(builder, dictionary.Cast<DictionaryEntry>().Select(e => new KeyValuePair<object?, object?>(e.Key, e.Value)));
                break;
            case IEnumerable list:
                builder.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first) builder.Append(", ");
                    first = false;
                    AppendRepr(builder, item);
                }
                builder.Append(']');
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(value.ToString());
                break;
        }
    }

    private static void AppendDict(StringBuilder builder, IEnumerable<KeyValuePair<object?, object?>> pairs)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, item) in pairs)
        {
            if (!first) builder.Append(", ");
            first = false;
            AppendRepr(builder, key);
            builder.Append(": ");
            AppendRepr(builder, item);
        }
        builder.Append('}');
    }

    /// <summary>CPython's string repr: single quotes unless the text has a single quote and no double quote.</summary>
    internal static void AppendString(StringBuilder builder, string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        builder.Append(quote);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\') builder.Append('\\').Append((char)c);
            else if (c == '\t') builder.Append("\\t");
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c < 0x20 || c == 0x7f) builder.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x7f) builder.Append((char)c);
            else if (IsPrintable(rune)) AppendRune(builder, rune);
            else if (c < 0x100) builder.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x10000) builder.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        builder.Append(quote);
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        Span<char> chars = stackalloc char[2];
        builder.Append(chars[..rune.EncodeToUtf16(chars)]);
    }

    // str.isprintable(): everything but the "Other" and "Separator" categories, except the ASCII space.
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    /// <summary>
    /// CPython's float repr: the shortest digits that read back the same, positional when the
    /// decimal exponent is in [-4, 16) (always with a '.0' or fraction), scientific otherwise (<c>1e+16</c>).
    /// </summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var mantissa = shortest;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = shortest[..e];
        }
        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var all = whole + (dot < 0 ? "" : mantissa[(dot + 1)..]);
        var digits = all.TrimStart('0');
        // Where the decimal point sits, counted from the first significant digit.
        var point = whole.Length - (all.Length - digits.Length) + exponent;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return sign + "0.0";
        var scientific = point - 1;
        if (scientific is >= -4 and < 16)
        {
            if (point <= 0) return sign + "0." + new string('0', -point) + digits;
            if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length) + ".0";
            return sign + digits[..point] + "." + digits[point..];
        }
        var head = digits.Length > 1 ? digits[..1] + "." + digits[1..] : digits;
        return $"{sign}{head}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific).ToString("00", CultureInfo.InvariantCulture)}";
    }
}
