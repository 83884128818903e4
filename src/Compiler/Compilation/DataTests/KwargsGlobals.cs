using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>A render's globals plus one extra name, without copying the (lazily bound) globals.</summary>
internal sealed class KwargsGlobals(IReadOnlyDictionary<string, object?> inner, string name, object? value) : IReadOnlyDictionary<string, object?>
{
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? result)
    {
        if (key == name)
        {
            result = value;
            return true;
        }
        return inner.TryGetValue(key, out result);
    }

    public bool ContainsKey(string key) => key == name || inner.ContainsKey(key);

    public object? this[string key] => TryGetValue(key, out var result) ? result : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => inner.Keys.Append(name).Distinct(StringComparer.Ordinal);

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
