using System.Text.Json;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.Artifacts;

/// <summary>Writes a node's fields straight to manifest.json, without building the dictionary templates read.</summary>
internal sealed class NodeJsonSink(Utf8JsonWriter json) : INodeFieldSink
{
    public void Value(JsonEncodedText name, object? value)
    {
        json.WritePropertyName(name);
        JsonValueWriter.Write(json, value);
    }

    public void String(JsonEncodedText name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else LongJsonString.Write(json, name, value);
    }

    public void Bool(JsonEncodedText name, bool value) => json.WriteBoolean(name, value);

    public void Strings(JsonEncodedText name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        // By index: an fqn (FqnParts) or a config's list enumerated through the interface allocates an enumerator per node.
        for (var i = 0; i < values.Count; i++) json.WriteStringValue(values[i]);
        json.WriteEndArray();
    }

    public void StartObject(JsonEncodedText name) => json.WriteStartObject(name);

    public void StartObject(string name) => json.WriteStartObject(name);

    public void EndObject() => json.WriteEndObject();

    public void StartArray(JsonEncodedText name) => json.WriteStartArray(name);

    public void EndArray() => json.WriteEndArray();

    public void StartObjectItem() => json.WriteStartObject();

    public void StringsItem(IReadOnlyList<string?> values)
    {
        json.WriteStartArray();
        for (var i = 0; i < values.Count; i++) json.WriteStringValue(values[i]);
        json.WriteEndArray();
    }
}
