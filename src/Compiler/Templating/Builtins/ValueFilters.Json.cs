using System.Globalization;
using System.Text;
using ModelForge.Compiler.Templating.Evaluation;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating.Builtins;

// tojson: Python's json.dumps(sort_keys=True) made HTML-safe, as Jinja does.
internal static partial class ValueFilters
{
    // Python's json detects cycles by identity; a depth bound catches them without tracking, long before the stack ends.
    private const int MaxJsonDepth = 200;

    private static object? ToJson(Evaluator evaluator, object? value, CallArguments arguments)
    {
        Args.Check(arguments, "filter 'tojson'", 1, "indent");
        var indent = arguments.Get(0, "indent") is long n ? (int)n : -1;
        var sb = new StringBuilder();
        WriteJson(sb, value, indent, 0, arguments);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? value, int indent, int level, CallArguments arguments)
    {
        if (level > MaxJsonDepth)
        {
            throw RenderErrors.Error(Diagnostics.DiagnosticCodes.TemplateCircularValue, arguments.CallSpan,
                $"tojson: the value contains itself (or is nested more than {MaxJsonDepth} levels deep)",
                "a list or dict was appended to itself; serialize a copy without the self-reference");
        }
        if (sb.Length > TemplateLimits.MaxOutputChars) Evaluator.CheckLength(sb.Length, arguments.CallSpan);
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long or int or decimal:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : ValueFormatter.FormatDouble(d));
                break;
            case string s:
                WriteJsonString(sb, s);
                break;
            case IList<object?> list:
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(indent >= 0 ? "," : ", ");
                    NewLine(sb, indent, level + 1);
                    WriteJson(sb, list[i], indent, level + 1, arguments);
                }
                NewLine(sb, indent, level);
                sb.Append(']');
                break;
            case not null when Mappings.IsMapping(value):
                // json.dumps(sort_keys=True) orders the keys as Python would, then writes each as a string.
                var entries = new List<KeyValuePair<object?, object?>>(Mappings.Items(value));
                var span = arguments.CallSpan;
                StableSort.Sort(entries, (x, y) => Operators.CompareValues(x.Key, y.Key, Syntax.CompareOperator.Less, span));
                if (entries.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }
                sb.Append('{');
                for (var i = 0; i < entries.Count; i++)
                {
                    if (i > 0) sb.Append(indent >= 0 ? "," : ", ");
                    NewLine(sb, indent, level + 1);
                    WriteJsonString(sb, JsonKey(entries[i].Key, arguments));
                    sb.Append(": ");
                    WriteJson(sb, entries[i].Value, indent, level + 1, arguments);
                }
                NewLine(sb, indent, level);
                sb.Append('}');
                break;
            case Undefined u:
                throw RenderErrors.Undefined(u, arguments.CallSpan);
            default:
                throw RenderErrors.Type(arguments.CallSpan, $"Object of type {PythonTypes.NameOf(value)} is not JSON serializable", "pass strings, numbers, lists and dicts to tojson");
        }
    }

    private static void NewLine(StringBuilder sb, int indent, int level)
    {
        if (indent < 0) return;
        sb.Append('\n').Append(' ', indent * level);
    }

    private static void WriteJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                // Jinja's htmlsafe_json_dumps escapes these so the JSON can sit inside HTML.
                case '<' or '>' or '&' or '\'':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    // json.dumps turns None, bools and numbers used as keys into strings.
    private static string JsonKey(object? key, CallArguments arguments) => key switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        double or float or decimal => ValueFormatter.ToStr(key),
        _ when Operators.IsNumber(key) => ValueFormatter.ToStr(key),
        _ => throw RenderErrors.Type(arguments.CallSpan, $"keys must be str, int, float, bool or None, not {PythonTypes.NameOf(key)}", "use simple keys in dicts passed to tojson"),
    };
}
