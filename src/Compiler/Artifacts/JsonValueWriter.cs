using System.Collections;
using System.Globalization;
using System.Text.Json;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Artifacts;

/// <summary>Writes the compiler's value model (dicts, lists, scalars) as JSON.</summary>
public static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or Undefined:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case double d:
                json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            // The manifest's own shapes first: their struct enumerators cost no allocation per object.
            case Dictionary<string, object?> dict:
                json.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    json.WritePropertyName(key);
                    Write(json, item);
                }
                json.WriteEndObject();
                break;
            case List<object?> list and not ITemplateObject:
                json.WriteStartArray();
                foreach (var item in list) Write(json, item);
                json.WriteEndArray();
                break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                json.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    json.WritePropertyName(key);
                    Write(json, item);
                }
                json.WriteEndObject();
                break;
            case IEnumerable list and not ITemplateObject:
                json.WriteStartArray();
                foreach (var item in list) Write(json, item);
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
