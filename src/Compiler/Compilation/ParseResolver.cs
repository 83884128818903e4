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
/// thread: the parallel renders share no lock. The stand-in relations are immutable and reused by
/// name (per thread too): a ref('x') or source('s', 'x') allocates a relation the first time only.
/// </remarks>
internal sealed class ParseResolver(string defaultSchema, RelationQuoting quoting) : IRelationResolver
{
    private readonly ThreadLocal<PerThread> _perThread = new(() => new PerThread());

    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call)
    {
        var state = _perThread.Value!;
        state.CallsOf(node).Refs.Add(new RefCall(package, name, version, call));
        if (!state.Refs.TryGetValue(name, out var relation)) state.Refs[name] = relation = new Relation(null, defaultSchema, name, null, quoting);
        return relation;
    }

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call)
    {
        var state = _perThread.Value!;
        state.CallsOf(node).Sources.Add(new SourceCall(source, table, call));
        if (!state.Sources.TryGetValue((source, table), out var relation)) state.Sources[(source, table)] = relation = new Relation(null, source, table, null, quoting);
        return relation;
    }

    /// <summary>The calls recorded for <paramref name="uniqueId"/> on this thread (where its render ran), removed.</summary>
    public (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) Take(string uniqueId) =>
        _perThread.Value!.Calls.Remove(uniqueId, out var calls) ? (calls.Refs, calls.Sources) : ([], []);

    private sealed class PerThread
    {
        public Dictionary<string, Calls> Calls { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Relation> Refs { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Source, string Table), Relation> Sources { get; } = [];

        public Calls CallsOf(NodeRenderInfo node)
        {
            if (!Calls.TryGetValue(node.UniqueId, out var found)) Calls[node.UniqueId] = found = new Calls();
            return found;
        }
    }

    private sealed class Calls
    {
        public List<RefCall> Refs { get; } = [];

        public List<SourceCall> Sources { get; } = [];
    }
}
