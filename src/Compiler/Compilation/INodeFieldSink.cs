using System.Text.Json;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Receives a node's manifest fields in their order (<see cref="NodeDictionary.Write"/>): one
/// sink builds the dictionary templates see, another writes manifest.json straight from the node,
/// so both come from one description of the shape.
/// </summary>
internal interface INodeFieldSink
{
    /// <summary>A field holding a value of the template value model (string, bool, dictionary, list...), kept as given.</summary>
    void Value(JsonEncodedText name, object? value);

    void String(JsonEncodedText name, string? value);

    void Bool(JsonEncodedText name, bool value);

    /// <summary>A list of strings (a new list in the dictionary).</summary>
    void Strings(JsonEncodedText name, IReadOnlyList<string> values);

    void StartObject(JsonEncodedText name);

    /// <summary>An object under a name that is data (a column's name).</summary>
    void StartObject(string name);

    void EndObject();

    void StartArray(JsonEncodedText name);

    void EndArray();

    /// <summary>An object as the next item of the open array; its fields follow, then <see cref="EndObject"/>.</summary>
    void StartObjectItem();

    /// <summary>A list of strings as the next item of the open array.</summary>
    void StringsItem(IReadOnlyList<string?> values);
}
