using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// The execute-time ref()/source() of a unit test's render: each node with rows renders as its CTE
/// name (bare, never quoted); any other resolves to its relation as usual.
/// </summary>
internal sealed class FixtureResolver(NodeLookup lookup, IReadOnlyDictionary<string, string> cteByNode) : IRelationResolver
{
    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call) =>
        Stand(lookup.ResolveRef(new RefCall(package, name, version, call), node.PackageName, out var diagnostic)
            ?? throw new DiagnosticException(diagnostic!));

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call) =>
        Stand(lookup.ResolveSource(new SourceCall(source, table, call), node.PackageName, out var diagnostic)
            ?? throw new DiagnosticException(diagnostic!));

    private Relation Stand(ProjectNode node) =>
        cteByNode.TryGetValue(node.UniqueId, out var cte) ? CteRelation(node, cte) : node.Relation;

    public static Relation CteRelation(ProjectNode node, string cte) =>
        new(null, null, cte, RelationType.Cte, node.Relation.Quoting with { QuoteIdentifier = false }) { IncludeSchema = false };
}
