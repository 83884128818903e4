using System.Text.Json;

namespace ModelForge.Compiler.Analysis.DuckDb;

// Token steps over the JSON. Whatever is not as expected throws a JsonException, which TryRead
// turns into "fall back to DuckDbAstReader".
internal sealed partial class DuckDbAstStreamReader
{
    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw Unexpected("the end of the JSON");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (Next(ref reader) != token) throw Unexpected($"{reader.TokenType} where {token} belongs");
    }

    // Steps to the next property name of the current object (true) or to its end (false).
    private static bool NextProperty(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.PropertyName => true,
        JsonTokenType.EndObject => false,
        var other => throw Unexpected($"{other} inside an object"),
    };

    // Positioned on a property name: steps over its value.
    private static void Skip(ref Utf8JsonReader reader) => reader.Skip();

    // Positioned on a value's first token: steps over the rest of it. Always false (for use in an expression).
    private static bool SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return false;
    }

    // The property's value when it is a string, null for anything else (as DuckDbAstReader reads text).
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    // The property's value when it is a string or null; anything else is not expected.
    private static string? StringOrNull(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        var other => throw Unexpected($"{other} where a string belongs"),
    };

    // The property's strings when it is an array (other items left out), else none.
    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        if (Next(ref reader) != JsonTokenType.StartArray)
        {
            reader.Skip();
            return list;
        }
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) list.Add(reader.GetString()!);
            else reader.Skip();
        }
        return list;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static T Once<T>(T? current, T value) where T : class =>
        current is null ? value : throw Unexpected("a field given twice");

    private static JsonException Unexpected(string what) => new($"unexpected json_serialize_sql output: {what}");
}
