using System.Collections;
using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>tojson/fromjson between template values and JSON text (Python's json.dumps separators).</summary>
internal static class JsonValues
{
    public static string Serialize(object? value, bool sortKeys)
    {
        var sb = new StringBuilder();
        Write(sb, value, sortKeys, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool sortKeys, int depth)
    {
        CircularValueException.Check(depth);
        switch (value)
        {
            case null or Undefined: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long or int or decimal: sb.Append(TemplateValues.Str(value)); break;
            case double d: sb.Append(double.IsFinite(d) ? TemplateValues.FormatFloat(d) : d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN"); break;
            case string s: sb.Append(CompactJson.Quote(s)); break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                var pairs = sortKeys ? dict.OrderBy(p => p.Key, StringComparer.Ordinal) : dict.AsEnumerable();
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in pairs)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    sb.Append(CompactJson.Quote(k)).Append(": ");
                    Write(sb, v, sortKeys, depth + 1);
                }
                sb.Append('}');
                break;
            case IEnumerable list when value is not ITemplateObject || value is QueryRow:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(", ");
                    firstItem = false;
                    Write(sb, item, sortKeys, depth + 1);
                }
                sb.Append(']');
                break;
            default: sb.Append(CompactJson.Quote(TemplateValues.Str(value))); break;
        }
    }

    public static bool TryParse(string text, out object? value)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            value = Convert(doc.RootElement);
            return true;
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            // dbt's fromjson returns the default on malformed input rather than failing the render.
            value = null;
            return false;
        }
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (d, p) => { d[p.Name] = Convert(p.Value); return d; }),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
