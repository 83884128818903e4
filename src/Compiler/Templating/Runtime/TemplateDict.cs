using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// The dict templates create: insertion-ordered, keyed by any hashable template value with Python's
/// equality (<c>1</c>, <c>1.0</c> and <c>true</c> are one key, <c>'1'</c> another; the first key
/// written is kept). C# code that reads config dicts can still use it as a string-keyed dictionary:
/// that view shows each key as Python's <c>str()</c> of it and looks up string keys.
/// </summary>
internal sealed partial class TemplateDict : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>
{
    // OrderedDictionary takes no null key; None is stored as this marker.
    private static readonly object NoneKey = new();

    private readonly OrderedDictionary<object, object?> _items;

    public TemplateDict() => _items = new OrderedDictionary<object, object?>(KeyComparer.Instance);

    public TemplateDict(int capacity) => _items = new OrderedDictionary<object, object?>(capacity, KeyComparer.Instance);

    public int Count => _items.Count;

    /// <summary>Sets <paramref name="key"/>; an existing equal key keeps its place and its original form.</summary>
    public void Set(object? key, object? value) => _items[key ?? NoneKey] = value;

    public bool TryGet(object? key, out object? value) => _items.TryGetValue(key ?? NoneKey, out value);

    public bool ContainsKey(object? key) => _items.ContainsKey(key ?? NoneKey);

    public bool Remove(object? key, out object? value) => _items.Remove(key ?? NoneKey, out value);

    /// <summary>The keys as templates see them, in order.</summary>
    public IEnumerable<object?> TypedKeys
    {
        get
        {
            foreach (var key in _items.Keys) yield return Unwrap(key);
        }
    }

    /// <summary>The entries as templates see them, in order.</summary>
    public IEnumerable<KeyValuePair<object?, object?>> TypedItems
    {
        get
        {
            foreach (var (key, value) in _items) yield return new KeyValuePair<object?, object?>(Unwrap(key), value);
        }
    }

    public void Clear() => _items.Clear();

    public TemplateDict Copy()
    {
        var copy = new TemplateDict(_items.Count);
        foreach (var (key, value) in _items) copy._items.Add(key, value);
        return copy;
    }

    private static object? Unwrap(object key) => ReferenceEquals(key, NoneKey) ? null : key;

    private static string Text(object key) => key as string ?? ValueFormatter.ToStr(Unwrap(key));

    // The string-keyed view, for C# readers of config dicts.

    public object? this[string key]
    {
        get => _items.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no key '{key}'");
        set => _items[key] = value;
    }

    public ICollection<string> Keys
    {
        get
        {
            var keys = new List<string>(_items.Count);
            foreach (var key in _items.Keys) keys.Add(Text(key));
            return keys;
        }
    }

    public ICollection<object?> Values => _items.Values;

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => _items.Values;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public void Add(string key, object? value) => _items.Add(key, value);

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool Remove(string key) => _items.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _items.TryGetValue(key, out value);

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _items.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        _items.TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var pair in this) array[arrayIndex++] = pair;
    }

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)this).Contains(item) && _items.Remove(item.Key);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var (key, value) in _items) yield return new KeyValuePair<string, object?>(Text(key), value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
