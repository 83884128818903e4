using System.Collections;
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
    // A plain dictionary made by a loop: a frozen one, and LINQ over pairs, are generic code compiled at run time.
    private static readonly Dictionary<string, int> Slots = SlotsByName();

    private static readonly object Unset = new();

    private readonly RenderState _state;
    private readonly IReadOnlyDictionary<string, object?> _shared;
    private readonly object?[] _values;

    public NodeFunctions(RenderState state)
    {
        _state = state;
        _shared = state.Project.Shared.Values;
        _values = new object?[Slots.Count];
        for (var i = 0; i < _values.Length; i++) _values[i] = Unset;
    }

    private static Dictionary<string, int> SlotsByName()
    {
        var slots = new Dictionary<string, int>(ContextFunctions.NodeNames.Count, StringComparer.Ordinal);
        foreach (var name in ContextFunctions.NodeNames) slots[name] = slots.Count;
        return slots;
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
