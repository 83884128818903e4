using System.Globalization;
using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>Python's <c>'%s-%d' % (a, b)</c> string formatting, for the common conversions (s, r, d, i, f, %).</summary>
internal static class PercentFormatter
{
    public static string Format(string format, object? args, SourceSpan span)
    {
        var values = args is object?[] tuple ? tuple : [args];
        var sb = new StringBuilder(format.Length + 16);
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= format.Length) throw RenderErrors.Value(span, "incomplete format", "end a '%' conversion with a letter such as s or d, or write '%%'");
            var flagsStart = i;
            while (i < format.Length && (char.IsAsciiDigit(format[i]) || format[i] is '.' or '-' or '+' or ' ' or '0')) i++;
            if (i >= format.Length) throw RenderErrors.Value(span, "incomplete format", "end a '%' conversion with a letter such as s or d");
            var spec = format.Substring(flagsStart, i - flagsStart);
            var conversion = format[i];
            if (conversion == '%')
            {
                sb.Append('%');
                continue;
            }
            if (next >= values.Length) throw RenderErrors.Type(span, "not enough arguments for format string");
            var value = values[next++];
            if (value is Undefined && conversion is not ('s' or 'r')) throw RenderErrors.Undefined((Undefined)value, span);
            sb.Append(Convert(conversion, spec, value, span));
        }
        if (next < values.Length && args is object?[])
        {
            throw RenderErrors.Type(span, "not all arguments converted during string formatting");
        }
        return sb.ToString();
    }

    private static string Convert(char conversion, string spec, object? value, SourceSpan span)
    {
        var width = 0;
        var precision = -1;
        var leftAlign = spec.Contains('-');
        var zeroPad = spec.StartsWith('0');
        var digits = spec.TrimStart('-', '+', ' ', '0');
        var dot = digits.IndexOf('.');
        if (dot >= 0)
        {
            if (dot + 1 < digits.Length) precision = int.Parse(digits.AsSpan(dot + 1), CultureInfo.InvariantCulture);
            else precision = 0;
            digits = digits[..dot];
        }
        if (digits.Length > 0) width = int.Parse(digits, CultureInfo.InvariantCulture);
        string text = conversion switch
        {
            's' => ValueFormatter.ToStr(value),
            'r' => ValueFormatter.ToRepr(value),
            'd' or 'i' => Operators.IsNumber(value)
                ? ((long)Math.Truncate(Operators.ToDouble(value))).ToString(CultureInfo.InvariantCulture)
                : throw RenderErrors.Type(span, $"%{conversion} format: a real number is required, not {PythonTypes.NameOf(value)}"),
            'f' or 'F' => Operators.IsNumber(value)
                ? Operators.ToDouble(value).ToString("F" + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture)
                : throw RenderErrors.Type(span, $"must be real number, not {PythonTypes.NameOf(value)}"),
            _ => throw RenderErrors.Value(span, $"unsupported format character '{conversion}'", "use %s, %r, %d, %i or %f"),
        };
        if (conversion is 's' or 'r' && precision >= 0 && text.Length > precision) text = text[..precision];
        if (text.Length >= width) return text;
        if (leftAlign) return text.PadRight(width);
        return zeroPad && conversion is not ('s' or 'r') ? text.PadLeft(width, '0') : text.PadLeft(width);
    }
}
