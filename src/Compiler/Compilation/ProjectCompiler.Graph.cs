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
        // Each node's refs and sources resolved (and checked) on both cores: reads of the lookup only. Its parents, in
        // first-use order without repeats, and what went wrong, kept by node so that the edges and the diagnostics
        // go in below in the same order whichever thread resolved what.
        var parentsOf = new List<string>[ordered.Length];
        var problemsOf = new List<Diagnostic>?[ordered.Length];
        ParallelLoop.For(ordered.Length, n => parentsOf[n] = Parents(ordered[n], lookup, restrictsAccess, out problemsOf[n]));
        for (var n = 0; n < ordered.Length; n++)
        {
            if (problemsOf[n] is { } problems) diagnostics.AddRange(problems);
            var parents = parentsOf[n];
            for (var i = 0; i < parents.Count; i++)
            {
                var p = graph.IndexOrMinus(parents[i]);
                if (p < 0)
                {
                    // Not among the nodes (a duplicate id's other node resolves to the kept one): as AddEdge by id did.
                    graph.AddNode(parents[i]);
                    p = graph.IndexOf(parents[i]);
                }
                graph.AddEdge(p, n);
            }
            // An array of the exact size: the node keeps it until the command ends, and the list is the resolve's.
            nodes[ordered[n].UniqueId] = ordered[n].WithDependsOn(parents.Count == 0 ? [] : parents.ToArray());
        }
        foreach (var cycle in CycleFinder.FindCycles(graph)) diagnostics.Add(CycleError(cycle, nodes));
        return graph;
    }

    // The unique ids a node reads, in first-use order without repeats, and the refs and sources that failed to
    // resolve or may not be read (null when none did).
    private static List<string> Parents(ProjectNode node, NodeLookup lookup, Func<string, bool> restrictsAccess, out List<Diagnostic>? problems)
    {
        var parents = new List<string>(node.Refs.Count + node.Sources.Count);
        problems = null;
        // Indexed: a foreach over the read-only list would box an enumerator per node.
        for (var r = 0; r < node.Refs.Count; r++)
        {
            var call = node.Refs[r];
            var parent = lookup.ResolveRef(call, node.PackageName, out var diagnostic);
            if (parent is null)
            {
                (problems ??= []).Add(diagnostic!);
                continue;
            }
            if (AccessRules.CheckRef(node, parent, call, restrictsAccess) is { } denied) (problems ??= []).Add(denied);
            if (parent.ModelVersion?.DeprecationDate is { } date && date < DateTimeOffset.UtcNow)
                (problems ??= []).Add(DiagnosticCodes.Access.DeprecatedVersion(call.Span, node.Name, parent.UniqueId, date));
            if (!parents.Contains(parent.UniqueId)) parents.Add(parent.UniqueId);
        }
        for (var s = 0; s < node.Sources.Count; s++)
        {
            var parent = lookup.ResolveSource(node.Sources[s], node.PackageName, out var diagnostic);
            if (parent is null) (problems ??= []).Add(diagnostic!);
            else if (!parents.Contains(parent.UniqueId)) parents.Add(parent.UniqueId);
        }
        return parents;
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
