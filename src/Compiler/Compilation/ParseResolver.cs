using System.Collections.Concurrent;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// The parse-time <c>ref()</c>/<c>source()</c>: records each call with its position and returns a
/// stand-in relation (names are only known once every config is), as dbt's parse resolver does.
/// Unknown names are reported later, all at once, by the graph builder.
/// </summary>
internal sealed class ParseResolver(string defaultSchema, RelationQuoting quoting) : IRelationResolver
{
    private readonly ConcurrentDictionary<string, Calls> _calls = new(StringComparer.Ordinal);

    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call)
    {
        var calls = _calls.GetOrAdd(node.UniqueId, _ => new Calls());
        lock (calls) calls.Refs.Add(new RefCall(package, name, version, call));
        return new Relation(null, defaultSchema, name, null, quoting);
    }

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call)
    {
        var calls = _calls.GetOrAdd(node.UniqueId, _ => new Calls());
        lock (calls) calls.Sources.Add(new SourceCall(source, table, call));
        return new Relation(null, source, table, null, quoting);
    }

    public (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources) Take(string uniqueId) =>
        _calls.TryRemove(uniqueId, out var calls) ? (calls.Refs, calls.Sources) : ([], []);

    private sealed class Calls
    {
        public List<RefCall> Refs { get; } = [];

        public List<SourceCall> Sources { get; } = [];
    }
}
