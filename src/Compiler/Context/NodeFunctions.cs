using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The names one render sees before macros: the node's own values (<see cref="ContextFunctions.NodeNames"/>)
/// over the invocation's shared, immutable globals (<see cref="ProjectGlobals"/>), which are never copied.
/// A node value is made the first time the render reads it: most renders read a handful of the
/// two dozen. A node name shadows a shared one. Used by one thread.
/// </summary>
internal sealed class NodeFunctions : IReadOnlyDictionary<string, object?>
{
    private static readonly FrozenDictionary<string, int> Slots =
        ContextFunctions.NodeNames.Select((name, i) => KeyValuePair.Create(name, i)).ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly object Unset = new();

    private readonly RenderState _state;
    private readonly IReadOnlyDictionary<string, object?> _shared;
    private readonly object?[] _values;

    public NodeFunctions(RenderState state)
    {
        _state = state;
        _shared = state.Project.Shared.Values;
        _values = new object?[Slots.Count];
        Array.Fill(_values, Unset);
    }

    /// <summary>The node value <paramref name="name"/>, made now if not yet read.</summary>
    internal object? Get(string name) => Value(Slots[name], name);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (Slots.TryGetValue(key, out var slot))
        {
            value = Value(slot, key);
            return true;
        }
        return _shared.TryGetValue(key, out value);
    }

    private object? Value(int slot, string name)
    {
        var value = _values[slot];
        if (ReferenceEquals(value, Unset)) _values[slot] = value = ContextFunctions.CreateValue(_state, this, name);
        return value;
    }

    public bool ContainsKey(string key) => Slots.ContainsKey(key) || _shared.ContainsKey(key);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => Slots.Keys.Concat(_shared.Keys.Where(k => !Slots.ContainsKey(k)));

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
