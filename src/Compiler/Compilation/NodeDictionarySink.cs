using System.Text.Json;

namespace ModelForge.Compiler.Compilation;

/// <summary>Builds a node's fields as the plain dictionaries and lists templates read (<c>graph.nodes</c>).</summary>
internal sealed class NodeDictionarySink : INodeFieldSink
{
    private readonly Stack<object> _open = new();

    public NodeDictionarySink() => _open.Push(Result);

    public Dictionary<string, object?> Result { get; } = new(StringComparer.Ordinal);

    public void Value(JsonEncodedText name, object? value) => Add(name, value);

    public void String(JsonEncodedText name, string? value) => Add(name, value);

    public void Bool(JsonEncodedText name, bool value) => Add(name, value);

    public void Strings(JsonEncodedText name, IReadOnlyList<string> values) => Add(name, ToList(values));

    public void StartObject(JsonEncodedText name) => StartObject(name.Value);

    public void StartObject(string name)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        ((Dictionary<string, object?>)_open.Peek())[name] = dict;
        _open.Push(dict);
    }

    public void EndObject() => _open.Pop();

    public void StartArray(JsonEncodedText name)
    {
        var list = new List<object?>();
        Add(name, list);
        _open.Push(list);
    }

    public void EndArray() => _open.Pop();

    public void StartObjectItem()
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        ((List<object?>)_open.Peek()).Add(dict);
        _open.Push(dict);
    }

    public void StringsItem(IReadOnlyList<string?> values) => ((List<object?>)_open.Peek()).Add(ToList(values));

    private void Add(JsonEncodedText name, object? value) => ((Dictionary<string, object?>)_open.Peek())[name.Value] = value;

    private static List<object?> ToList(IReadOnlyList<string?> values)
    {
        var list = new List<object?>(values.Count);
        foreach (var value in values) list.Add(value);
        return list;
    }
}
