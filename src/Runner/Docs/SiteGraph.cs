using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Where each node of the site's lineage graph is drawn (layer and row). It needs only the project's
/// nodes and edges, so generate starts it before the models compile (the layout runs on one thread).
/// </summary>
internal sealed class SiteGraph
{
    private readonly Dictionary<string, int> _index;
    private readonly LayeredLayout _layout;

    private SiteGraph(Dictionary<string, int> index, LayeredLayout layout)
    {
        _index = index;
        _layout = layout;
    }

    /// <summary>The node types drawn in the graph; the site's other pages (tests, macros) are not.</summary>
    public static bool Draws(ResourceType type) =>
        type is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot or ResourceType.Source or ResourceType.Analysis;

    /// <summary>Graph members in project order, edges from each member's parents in the order it lists them.</summary>
    public static SiteGraph Of(CompiledProject project)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<ProjectNode>();
        foreach (var id in project.Order)
        {
            var node = project.Nodes[id];
            if (!Draws(node.ResourceType) || !index.TryAdd(id, members.Count)) continue;
            members.Add(node);
        }
        var edges = new List<(int, int)>();
        for (var to = 0; to < members.Count; to++)
        {
            foreach (var parent in members[to].DependsOn)
            {
                if (index.TryGetValue(parent, out var from)) edges.Add((from, to));
            }
        }
        return new SiteGraph(index, GraphLayout.Compute(members.Count, edges));
    }

    public (int Layer, int Order) Place(string id)
    {
        var at = _index[id];
        return (_layout.Layer[at], _layout.Order[at]);
    }
}
