using System.Text.Json;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// Turns a case's JSON context into the template engine's value model: null, bool, long for
/// integers, double for other numbers, string, <c>List&lt;object?&gt;</c> and insertion-ordered
/// <c>Dictionary&lt;string, object?&gt;</c>, the same values Python's json.loads gives Jinja2.
/// </summary>
internal static class JsonValues
{
    public static Dictionary<string, object?> ToGlobals(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("the render context must be a JSON object");
        }
        return ToDictionary(document.RootElement);
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ToNumber(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new InvalidDataException($"unexpected JSON value kind {element.ValueKind}"),
    };

    private static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        // Dictionary keeps insertion order while nothing is removed; a repeated key keeps its
        // first position and takes the last value, as in Python.
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) result[property.Name] = ToValue(property.Value);
        return result;
    }

    // Python reads "3" as int and "3.0" or "3e0" as float; the text decides, not the value.
    private static object ToNumber(JsonElement element)
    {
        var raw = element.GetRawText();
        var isInteger = raw.IndexOfAny(['.', 'e', 'E']) < 0;
        // Boxed separately: a conditional expression would widen the long to double.
        if (isInteger && element.TryGetInt64(out var integer)) return integer;
        return element.GetDouble();
    }
}
