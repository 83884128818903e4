using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// <c>graph.nodes</c> as templates see it: each node's dictionary is built the first time a
/// template reads it. Most models never touch <c>graph</c>, and building all of them up front
/// costs tens of microseconds per node.
/// </summary>
internal sealed class LazyNodeDictionaries(IReadOnlyDictionary<string, ProjectNode> nodes) : IReadOnlyDictionary<string, object?>
{
    private readonly ConcurrentDictionary<string, object?> _built = new(StringComparer.Ordinal);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => nodes.Keys;

    public IEnumerable<object?> Values => nodes.Keys.Select(k => this[k]);

    public int Count => nodes.Count;

    public bool ContainsKey(string key) => nodes.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (!nodes.TryGetValue(key, out var node))
        {
            value = null;
            return false;
        }
        value = _built.GetOrAdd(key, _ => NodeDictionary.Of(node));
        return true;
    }

    /// <summary>The node's dictionary if a template built it, else a new one that is not kept.</summary>
    public object? BuiltOrNew(string key) => Built(key) ?? NodeDictionary.Of(nodes[key]);

    /// <summary>The node's dictionary if a template built it, else null.</summary>
    public object? Built(string key) => _built.TryGetValue(key, out var value) ? value : null;

    public Dictionary<string, object?> BuiltSoFar() => new(_built, StringComparer.Ordinal);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        nodes.Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
