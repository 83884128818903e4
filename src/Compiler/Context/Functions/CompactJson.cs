using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Functions;

/// <summary>
/// YAML and template values (null, bool, numbers, strings, dates, dictionaries, lists) as compact
/// JSON, the way System.Text.Json's serializer writes them, without its reflection: forge is also
/// published with NativeAOT, where that serializer cannot see the runtime types of object values.
/// </summary>
internal static class CompactJson
{
    public static string Serialize(object? value)
    {
        var buffer = new Caching.ByteBuffer();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, 0);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A string as a JSON string literal, escaped as the serializer escapes it.</summary>
    public static string Quote(string text) => "\"" + JsonEncodedText.Encode(text).Value + "\"";

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        CircularValueException.Check(depth);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case DateTime t: writer.WriteStringValue(t); break;
            case DateTimeOffset t: writer.WriteStringValue(t); break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IDictionary dict:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dict)
                {
                    writer.WritePropertyName(entry.Key.ToString() ?? "");
                    Write(writer, entry.Value, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item, depth + 1);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
