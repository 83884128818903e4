using System.Text.Json;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.Artifacts;

/// <summary>Writes a node's fields straight to manifest.json, without building the dictionary templates read.</summary>
internal sealed class NodeJsonSink : INodeFieldSink
{
    // The last sink made on this thread: the manifest's writers each write thousands of nodes, one sink will do for them.
    [ThreadStatic]
    private static NodeJsonSink? t_last;

    /// <summary>A sink writing to <paramref name="json"/>: this thread's last one when it writes there too.</summary>
    public static NodeJsonSink For(Utf8JsonWriter json)
    {
        if (t_last is { } last && ReferenceEquals(last._json, json)) return last;
        return t_last = new NodeJsonSink(json);
    }

    private readonly Utf8JsonWriter _json;

    public NodeJsonSink(Utf8JsonWriter json) => _json = json;

    public void Value(JsonEncodedText name, object? value)
    {
        _json.WritePropertyName(name);
        JsonValueWriter.Write(_json, value);
    }

    public void String(JsonEncodedText name, string? value)
    {
        if (value is null) _json.WriteNull(name);
        else LongJsonString.Write(_json, name, value);
    }

    public void Bool(JsonEncodedText name, bool value) => _json.WriteBoolean(name, value);

    public void Strings(JsonEncodedText name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        // By index: an fqn (FqnParts) or a config's list enumerated through the interface allocates an enumerator per node.
        for (var i = 0; i < values.Count; i++) _json.WriteStringValue(values[i]);
        _json.WriteEndArray();
    }

    public void StartObject(JsonEncodedText name) => _json.WriteStartObject(name);

    public void StartObject(string name) => _json.WriteStartObject(name);

    public void EndObject() => _json.WriteEndObject();

    public void StartArray(JsonEncodedText name) => _json.WriteStartArray(name);

    public void EndArray() => _json.WriteEndArray();

    public void StartObjectItem() => _json.WriteStartObject();

    public void StringsItem(IReadOnlyList<string?> values)
    {
        _json.WriteStartArray();
        for (var i = 0; i < values.Count; i++) _json.WriteStringValue(values[i]);
        _json.WriteEndArray();
    }
}
