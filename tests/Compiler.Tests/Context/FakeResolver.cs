using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>Resolves every ref to analytics.&lt;name&gt; and records the calls; "missing" fails like the compiler would.</summary>
internal sealed class FakeResolver : IRelationResolver
{
    public List<string> Calls { get; } = [];

    public Relation ResolveRef(NodeRenderInfo node, string? package, string name, ModelForge.Compiler.Compilation.NodeVersion? version, SourceSpan call)
    {
        Calls.Add($"ref {package ?? "-"} {name} {version?.ToString() ?? "-"} from {node.UniqueId} at {call}");
        if (name == "missing") throw new DiagnosticException(Diagnostic.Error("MF3001", "unknown ref 'missing'", call));
        return new Relation("warehouse", "analytics", name, RelationType.Table, RelationQuoting.DuckDb);
    }

    public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call)
    {
        Calls.Add($"source {source} {table} at {call}");
        return new Relation("warehouse", source, table, null, RelationQuoting.DuckDb);
    }
}
