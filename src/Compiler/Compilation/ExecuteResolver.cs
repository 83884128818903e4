using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// The execute-time <c>ref()</c>/<c>source()</c>: the relation of the node named, as the graph
/// resolved it. Names were validated at parse time; a ref only reached at execute time (inside
/// <c>{% if execute %}</c>) is resolved the same way and reported here if unknown.
/// </summary>
internal sealed class ExecuteResolver(NodeLookup lookup) : IRelationResolver
{
    /// <summary>--defer: unique id → the relation the state manifest names for it.</summary>
    public IReadOnlyDictionary<string, Relation> Deferred { get; init; } = new Dictionary<string, Relation>();

    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, int? version, SourceSpan call)
    {
        var target = lookup.ResolveRef(new RefCall(package, name, version, call), out var diagnostic) ?? throw new DiagnosticException(diagnostic!);
        return Deferred.TryGetValue(target.UniqueId, out var deferred) ? deferred : target.Relation;
    }

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call) =>
        lookup.ResolveSource(new SourceCall(source, table, call), out var diagnostic)?.Relation
            ?? throw new DiagnosticException(diagnostic!);
}
