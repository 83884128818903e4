using System.Globalization;
using System.Text;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

/// <summary>Python's <c>str.format</c>: <c>{}</c>, <c>{0}</c>, <c>{name}</c>, <c>{{</c>/<c>}}</c>, with simple specs (<c>:&gt;10</c>, <c>:.2f</c>, <c>:,</c>).</summary>
internal static class StringFormatter
{
    public static string Format(string format, CallArguments arguments)
    {
        var sb = new StringBuilder(format.Length + 16);
        var auto = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}') i++;
                sb.Append('}');
                continue;
            }
            if (c != '{')
            {
                sb.Append(c);
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }
            var close = format.IndexOf('}', i);
            if (close < 0) throw RenderErrors.Value(arguments.CallSpan, "Single '{' encountered in format string", "write '{{' for a literal brace");
            var field = format.Substring(i + 1, close - i - 1);
            i = close;
            var colon = field.IndexOf(':');
            var spec = colon >= 0 ? field[(colon + 1)..] : "";
            var key = colon >= 0 ? field[..colon] : field;
            object? value;
            if (key.Length == 0)
            {
                value = Positional(arguments, auto++);
            }
            else if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                value = Positional(arguments, index);
            }
            else
            {
                arguments.Get(-1, key, out var found);
                if (!found) throw RenderErrors.Arguments(arguments.CallSpan, $"str.format() has no argument named '{key}'", $"pass {key}=… to format()");
                value = arguments.Get(-1, key);
            }
            sb.Append(value is Undefined && spec.Length == 0 ? "" : ApplySpec(RenderErrors.Defined(value, arguments.CallSpan), spec));
        }
        return sb.ToString();
    }

    private static object? Positional(CallArguments arguments, int index)
    {
        if (index >= arguments.Positional.Count)
        {
            throw RenderErrors.Arguments(arguments.CallSpan, $"Replacement index {index} out of range for positional args tuple", "pass as many arguments as the format has fields");
        }
        return arguments.Positional[index];
    }

    private static string ApplySpec(object? value, string spec)
    {
        if (spec.Length == 0) return ValueFormatter.ToStr(value);
        var i = 0;
        var fill = ' ';
        var align = '\0';
        if (spec.Length > 1 && spec[1] is '<' or '>' or '^')
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (spec[0] is '<' or '>' or '^')
        {
            align = spec[0];
            i = 1;
        }
        if (i < spec.Length && spec[i] == '0' && align == '\0')
        {
            fill = '0';
            align = '>';
            i++;
        }
        var widthStart = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i])) i++;
        var width = i > widthStart ? int.Parse(spec.AsSpan(widthStart, i - widthStart), CultureInfo.InvariantCulture) : 0;
        var thousands = i < spec.Length && spec[i] == ',';
        if (thousands) i++;
        var precision = -1;
        if (i < spec.Length && spec[i] == '.')
        {
            var precisionStart = ++i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i])) i++;
            precision = int.Parse(spec.AsSpan(precisionStart, i - precisionStart), CultureInfo.InvariantCulture);
        }
        var type = i < spec.Length ? spec[i] : '\0';
        string text;
        if (type is 'f' or 'F' || (type == '\0' && precision >= 0 && Operators.IsNumber(value)))
        {
            text = Operators.ToDouble(value).ToString((thousands ? "N" : "F") + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture);
        }
        else if (type == 'd' || (thousands && value is long))
        {
            text = Operators.ToLong(value).ToString(thousands ? "N0" : "D", CultureInfo.InvariantCulture);
        }
        else if (type == '%')
        {
            text = (Operators.ToDouble(value) * 100).ToString("F" + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture) + "%";
        }
        else
        {
            text = ValueFormatter.ToStr(value);
            if (precision >= 0 && text.Length > precision) text = text[..precision];
        }
        if (text.Length >= width) return text;
        if (align == '\0') align = Operators.IsNumber(value) ? '>' : '<';
        return align switch
        {
            '<' => text.PadRight(width, fill),
            '>' => text.PadLeft(width, fill),
            _ => new string(fill, (width - text.Length) / 2) + text + new string(fill, width - text.Length - (width - text.Length) / 2),
        };
    }
}
