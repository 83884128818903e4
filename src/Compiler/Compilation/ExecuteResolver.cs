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
    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call) =>
        lookup.ResolveRef(new RefCall(package, name, version, call), node.PackageName, out var diagnostic)?.Relation
            ?? throw new DiagnosticException(diagnostic!);

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call) =>
        lookup.ResolveSource(new SourceCall(source, table, call), node.PackageName, out var diagnostic)?.Relation
            ?? throw new DiagnosticException(diagnostic!);
}
