using System.Collections;
using System.Globalization;
using System.Text;

namespace ModelForge.Compiler.Packages;

/// <summary>
/// Writes a value the way Python's json.dumps(value, sort_keys=True) does (", " and ": " separators,
/// non-ASCII as \uXXXX, floats as Python's repr), so the lock file's sha1_hash equals dbt's.
/// </summary>
internal static class PythonJson
{
    public static string Dumps(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    /// <summary>json.dumps writes a finite float as Python's repr, and the non-finite ones as JavaScript names.</summary>
    public static string Float(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => Compilation.DataTests.PythonText.Float(value),
    };

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case double d:
                builder.Append(Float(d));
                break;
            case float f:
                builder.Append(Float(f));
                break;
            case IFormattable number when value is int or long or decimal or short or byte:
                builder.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary:
                var keys = dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? "").ToList();
                keys.Sort(string.CompareOrdinal);
                builder.Append('{');
                for (var i = 0; i < keys.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    WriteString(builder, keys[i]);
                    builder.Append(": ");
                    Write(builder, dictionary[keys[i]]);
                }
                builder.Append('}');
                break;
            case IReadOnlyDictionary<string, object?> readOnly:
                Write(builder, readOnly.ToDictionary(p => p.Key, p => p.Value));
                break;
            case IEnumerable list:
                builder.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first) builder.Append(", ");
                    first = false;
                    Write(builder, item);
                }
                builder.Append(']');
                break;
            default:
                WriteString(builder, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }
}
