using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>Writes the compiler's value model (dicts, lists, scalars) as JSON.</summary>
public static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter json, object? value) => JsonValueWalk.Walk(new Visitor(json), value);

    private readonly struct Visitor(Utf8JsonWriter json) : IJsonValueVisitor
    {
        public void Null() => json.WriteNullValue();
        public void String(string? value) => json.WriteStringValue(value);
        public void Utf8String(ReadOnlySpan<byte> value) => json.WriteStringValue(value);
        public void Bool(bool value) => json.WriteBooleanValue(value);
        public void Number(long value) => json.WriteNumberValue(value);
        public void Number(int value) => json.WriteNumberValue(value);
        public void Number(double value) => json.WriteNumberValue(value);
        public void Number(decimal value) => json.WriteNumberValue(value);
        public void StartObject() => json.WriteStartObject();
        public void PropertyName(string name) => json.WritePropertyName(name);
        public void EndObject() => json.WriteEndObject();
        public void StartArray() => json.WriteStartArray();
        public void EndArray() => json.WriteEndArray();
    }
}
