namespace ModelForge.Compiler.Compilation;

/// <summary>
/// The nodes of a project (root first, then each package) in the order they are defined. Some
/// are made at once (sources, seeds); the others need a parse render and are queued. Every
/// queued render runs in one parallel loop, <see cref="RenderQueued"/>, and whatever order the
/// renders finish in, nodes come out in definition order: node order decides which of two
/// same-named nodes a ref finds, and the order of manifest entries.
/// </summary>
internal sealed class NodeQueue
{
    /// <summary>A node and whether it is enabled; Node is null when making it failed (the error is reported).</summary>
    internal readonly record struct Made(ProjectNode? Node, bool Enabled);

    private readonly List<(int Unit, Func<Made> Make)> _slots = [];
    private readonly List<Made> _made = [];
    private int _unit;

    /// <summary>The project (0 = root, then packages in load order) that the next nodes belong to.</summary>
    public void BeginUnit(int unit) => _unit = unit;

    /// <summary>A node already made; null (error reported) adds nothing.</summary>
    public void Add(ProjectNode? node, bool enabled)
    {
        var made = new Made(node, enabled);
        _slots.Add((_unit, () => made));
    }

    /// <summary>A node made by a parse render when <see cref="RenderQueued"/> runs.</summary>
    public void Render(Func<Made> make) => _slots.Add((_unit, make));

    /// <summary>
    /// Runs every render queued since the last call, in parallel. The renders share the engine,
    /// macros and parse resolver, which are safe for this.
    /// </summary>
    public void RenderQueued()
    {
        var start = _made.Count;
        // Each render writes its own slot of the list, sized first: no copy of a temporary array.
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(_made, _slots.Count);
        Parallel.For(0, _slots.Count - start, i => _made[start + i] = _slots[start + i].Make());
    }

    /// <summary>The unique ids of the enabled nodes made so far that are of one of <paramref name="types"/>.</summary>
    public HashSet<string> EnabledIds(params ReadOnlySpan<Project.ResourceType> types)
    {
        var ids = new HashSet<string>(_made.Count, StringComparer.Ordinal);
        foreach (var (node, enabled) in _made)
        {
            if (node is not null && enabled && types.Contains(node.ResourceType)) ids.Add(node.UniqueId);
        }
        return ids;
    }

    /// <summary>Enabled and disabled nodes, each project's in the order they were added; call after <see cref="RenderQueued"/>.</summary>
    public (List<ProjectNode> Enabled, List<ProjectNode> Disabled) InDefinitionOrder()
    {
        var enabled = new List<ProjectNode>(_made.Count);
        var disabled = new List<ProjectNode>();
        var units = 0;
        foreach (var slot in _slots) units = Math.Max(units, slot.Unit + 1);
        // One pass per project (a handful), each in the order added: stable, as a sort by project would be,
        // so within a project nodes added before a later RenderQueued stay ahead of those added after it.
        for (var unit = 0; unit < units; unit++)
        {
            for (var index = 0; index < _made.Count; index++)
            {
                if (_slots[index].Unit == unit && _made[index] is { Node: { } node } made) (made.Enabled ? enabled : disabled).Add(node);
            }
        }
        return (enabled, disabled);
    }
}
