using System.Collections.Concurrent;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// The parse-time <c>ref()</c>/<c>source()</c>: records each call with its position and returns a
/// stand-in relation (names are only known once every config is), as dbt's parse resolver does.
/// Unknown names are reported later, all at once, by the graph builder.
/// </summary>
/// <remarks>
/// A parse render runs on one thread from start to <see cref="Take"/>, so its calls are kept per
/// thread: the parallel renders share no lock. The stand-in relations are shared by name: every
/// ref('x') gets the same immutable object, so its fingerprint (<see cref="ValueFingerprint.OfRelation"/>)
/// is made once, not once per call.
/// </remarks>
internal sealed class ParseResolver(string defaultSchema, RelationQuoting quoting) : IRelationResolver
{
    private readonly ThreadLocal<Dictionary<string, Calls>> _calls = new(() => new Dictionary<string, Calls>(StringComparer.Ordinal));
    private readonly ConcurrentDictionary<string, Relation> _refRelations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Source, string Table), Relation> _sourceRelations = new();

    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call)
    {
        CallsOf(node).Refs.Add(new RefCall(package, name, version, call));
        return _refRelations.TryGetValue(name, out var relation)
            ? relation
            : _refRelations.GetOrAdd(name, new Relation(null, defaultSchema, name, null, quoting));
    }

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call)
    {
        CallsOf(node).Sources.Add(new SourceCall(source, table, call));
        return _sourceRelations.TryGetValue((source, table), out var relation)
            ? relation
            : _sourceRelations.GetOrAdd((source, table), new Relation(null, source, table, null, quoting));
    }

    /// <summary>The calls recorded for <paramref name="uniqueId"/> on this thread (where its render ran), removed.</summary>
    public (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) Take(string uniqueId) =>
        _calls.Value!.Remove(uniqueId, out var calls) ? (calls.Refs, calls.Sources) : ([], []);

    private Calls CallsOf(NodeRenderInfo node)
    {
        var calls = _calls.Value!;
        if (!calls.TryGetValue(node.UniqueId, out var found)) calls[node.UniqueId] = found = new Calls();
        return found;
    }

    private sealed class Calls
    {
        public List<RefCall> Refs { get; } = [];

        public List<SourceCall> Sources { get; } = [];
    }
}
