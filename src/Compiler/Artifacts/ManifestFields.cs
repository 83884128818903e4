using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Finds fields in the bytes of manifest.json with a JSON reader, so a key of the same name deeper down (in a
/// config or meta) or text that merely looks like one (inside an escaped string) is never taken for them.
/// </summary>
internal static class ManifestFields
{
    /// <summary>A field's value: <see cref="Length"/> bytes from <see cref="Start"/>, relative to what was searched.</summary>
    internal readonly record struct Range(int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>
    /// The ranges of the direct fields of the object at the start of <paramref name="json"/> (at most as many as
    /// <paramref name="names"/>), by position in <paramref name="names"/>; null for a field the object has not.
    /// Throws JsonException when the bytes are not that object.
    /// </summary>
    /// <param name="complete">False when <paramref name="json"/> runs past the object (the manifest's start: the metadata).</param>
    public static Range?[] Find(ReadOnlySpan<byte> json, IReadOnlyList<string> names, bool complete, int objectDepth = 0)
    {
        var found = new Range?[names.Count];
        var reader = new Utf8JsonReader(json, complete, default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not an object");
        // Down to the object searched (the metadata is the first field of the manifest's root).
        for (var depth = 0; depth < objectDepth; depth++)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("not an object");
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not an object");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var i = IndexOf(ref reader, names);
            if (!reader.Read()) throw new JsonException("a field without its value");
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) throw new JsonException("an unfinished value");
            if (i >= 0) found[i] = new Range(start, (int)reader.BytesConsumed - start);
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("an unfinished object");
        return found;
    }

    private static int IndexOf(ref Utf8JsonReader reader, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
            if (reader.ValueTextEquals(names[i])) return i;
        return -1;
    }
}
