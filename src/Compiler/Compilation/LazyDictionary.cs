using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Compiler.Compilation;

/// <summary>A dictionary built on first read: `model` for templates that never look at it costs nothing.</summary>
internal sealed class LazyDictionary : IReadOnlyDictionary<string, object?>
{
    private readonly Lazy<IReadOnlyDictionary<string, object?>>? _value;
    // Or built from a key by a function shared by every render (one object per render, not a closure, a delegate and a
    // Lazy): a build that gives the same dictionary each time, so two threads building it at once do no harm.
    private readonly Func<string, IReadOnlyDictionary<string, object?>>? _byKey;
    private readonly string? _key;
    private IReadOnlyDictionary<string, object?>? _built;

    public LazyDictionary(Func<IReadOnlyDictionary<string, object?>> build)
    {
        _value = new(build);
    }

    /// <param name="build">Gives the same dictionary for the same key every time (a lookup, not a fresh dictionary).</param>
    public LazyDictionary(Func<string, IReadOnlyDictionary<string, object?>> build, string key)
    {
        _byKey = build;
        _key = key;
    }

    private IReadOnlyDictionary<string, object?> Value => _value?.Value ?? (_built ??= _byKey!(_key!));

    public object? this[string key] => Value[key];

    public IEnumerable<string> Keys => Value.Keys;

    public IEnumerable<object?> Values => Value.Values;

    public int Count => Value.Count;

    public bool ContainsKey(string key) => Value.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => Value.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
