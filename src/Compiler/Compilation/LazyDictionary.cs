using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Compiler.Compilation;

/// <summary>A dictionary built on first read: `model` for templates that never look at it costs nothing.</summary>
internal sealed class LazyDictionary(Func<IReadOnlyDictionary<string, object?>> build) : IReadOnlyDictionary<string, object?>
{
    private readonly Lazy<IReadOnlyDictionary<string, object?>> _value = new(build);

    public object? this[string key] => _value.Value[key];

    public IEnumerable<string> Keys => _value.Value.Keys;

    public IEnumerable<object?> Values => _value.Value.Values;

    public int Count => _value.Value.Count;

    public bool ContainsKey(string key) => _value.Value.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _value.Value.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _value.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
