using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Graph;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    /// <summary>
    /// Resolves every recorded ref()/source() to an edge; reports unknown names and cycles. Each
    /// node in <paramref name="nodes"/> is replaced by its copy with <see cref="ProjectNode.DependsOn"/>.
    /// </summary>
    private static ModelGraph BuildGraph(Dictionary<string, ProjectNode> nodes, NodeLookup lookup, Func<string, bool> restrictsAccess,
        DiagnosticBag diagnostics)
    {
        // Nodes and edges by index: a node's index is its rank in ordinal id order, so each edge looks
        // up only its parent's id, once (not both ids, twice each, as string-keyed edges did).
        var ordered = new ProjectNode[nodes.Count];
        nodes.Values.CopyTo(ordered, 0);
        Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.UniqueId, b.UniqueId));
        var graph = new ModelGraph(ordered.Length);
        foreach (var node in ordered) graph.AddNode(node.UniqueId);
        var indexes = new List<int>();
        for (var n = 0; n < ordered.Length; n++)
        {
            var node = ordered[n];
            var parents = new List<string>(node.Refs.Count + node.Sources.Count);
            indexes.Clear();
            // Indexed: a foreach over the read-only list would box an enumerator per node.
            for (var r = 0; r < node.Refs.Count; r++)
            {
                var call = node.Refs[r];
                var parent = lookup.ResolveRef(call, node.PackageName, out var diagnostic);
                if (parent is null) diagnostics.Add(diagnostic!);
                else
                {
                    if (AccessRules.CheckRef(node, parent, call, restrictsAccess) is { } denied) diagnostics.Add(denied);
                    if (parent.ModelVersion?.DeprecationDate is { } date && date < DateTimeOffset.UtcNow)
                        diagnostics.Add(DiagnosticCodes.Access.DeprecatedVersion(call.Span, node.Name, parent.UniqueId, date));
                    Depend(parent.UniqueId);
                }
            }
            for (var s = 0; s < node.Sources.Count; s++)
            {
                var parent = lookup.ResolveSource(node.Sources[s], node.PackageName, out var diagnostic);
                if (parent is null) diagnostics.Add(diagnostic!);
                else Depend(parent.UniqueId);
            }
            nodes[node.UniqueId] = node.WithDependsOn(parents);

            void Depend(string parent)
            {
                var p = graph.IndexOrMinus(parent);
                if (p < 0)
                {
                    // Not among the nodes (a duplicate id's other node resolves to the kept one): as AddEdge by id did.
                    graph.AddNode(parent);
                    p = graph.IndexOf(parent);
                }
                if (indexes.Contains(p)) return;
                indexes.Add(p);
                parents.Add(parent);
                graph.AddEdge(p, n);
            }
        }
        foreach (var cycle in CycleFinder.FindCycles(graph)) diagnostics.Add(CycleError(cycle, nodes));
        return graph;
    }

    /// <summary>Points at the ref that closes the cycle and lists every node on it with its file.</summary>
    private static Diagnostic CycleError(IReadOnlyList<string> cycle, Dictionary<string, ProjectNode> nodes)
    {
        var names = cycle.Select(id => nodes[id].Name).ToList();
        var first = nodes[cycle[0]];
        var next = nodes[cycle[1]];
        // Edges run parent -> child: the child's ref to the parent is what the user wrote.
        var span = next.Refs.FirstOrDefault(r => r.Name == first.Name)?.Span ?? next.DefinitionSpan;
        var detail = string.Join("\n", cycle.Take(cycle.Count - 1).Select(id => $"{nodes[id].Name} ({nodes[id].Path})"));
        return Diagnostic.Error(DiagnosticCodes.Cycle, $"dependency cycle: {string.Join(" -> ", names)}", span,
            "remove one of these refs so the models no longer depend on each other in a circle", detail);
    }
}
