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

    // Plain arrays, not lists of tuples or of Made: framework collections over a struct have no precompiled
    // code, and each of their methods would be compiled at run time (~20 in a compile).
    private int[] _units = new int[256];
    private Func<Made>[] _makes = new Func<Made>[256];
    private int _count;
    private Made[] _made = new Made[256];
    private int _madeCount;
    private int _unit;

    /// <summary>The project (0 = root, then packages in load order) that the next nodes belong to.</summary>
    public void BeginUnit(int unit) => _unit = unit;

    /// <summary>A node already made; null (error reported) adds nothing.</summary>
    public void Add(ProjectNode? node, bool enabled)
    {
        var made = new Made(node, enabled);
        Render(() => made);
    }

    /// <summary>A node made by a parse render when <see cref="RenderQueued"/> runs.</summary>
    public void Render(Func<Made> make)
    {
        if (_count == _makes.Length)
        {
            var units = new int[_count * 2];
            var makes = new Func<Made>[_count * 2];
            Array.Copy(_units, units, _count);
            Array.Copy(_makes, makes, _count);
            (_units, _makes) = (units, makes);
        }
        _units[_count] = _unit;
        _makes[_count++] = make;
    }

    /// <summary>
    /// Runs every render queued since the last call, in parallel. The renders share the engine,
    /// macros and parse resolver, which are safe for this.
    /// </summary>
    public void RenderQueued()
    {
        var start = _madeCount;
        if (_made.Length < _count)
        {
            var made = new Made[_count];
            Array.Copy(_made, made, _madeCount);
            _made = made;
        }
        _madeCount = _count;
        // Each render writes its own slot of the array.
        var results = _made;
        var makes = _makes;
        ParallelLoop.For(_count - start, i => results[start + i] = makes[start + i]());
    }

    /// <summary>The unique ids of the enabled nodes made so far that are of one of <paramref name="types"/>.</summary>
    public HashSet<string> EnabledIds(params ReadOnlySpan<Project.ResourceType> types)
    {
        var ids = new HashSet<string>(_madeCount, StringComparer.Ordinal);
        for (var index = 0; index < _madeCount; index++)
        {
            if (_made[index] is { Node: { } node, Enabled: true } && IsOneOf(node.ResourceType, types)) ids.Add(node.UniqueId);
        }
        return ids;
    }

    // A loop, not Span.Contains: that is a generic method over the enum, compiled at run time.
    private static bool IsOneOf(Project.ResourceType type, ReadOnlySpan<Project.ResourceType> types)
    {
        foreach (var candidate in types)
        {
            if (candidate == type) return true;
        }
        return false;
    }

    /// <summary>Enabled and disabled nodes, each project's in the order they were added; call after <see cref="RenderQueued"/>.</summary>
    public (List<ProjectNode> Enabled, List<ProjectNode> Disabled) InDefinitionOrder()
    {
        var enabled = new List<ProjectNode>(_madeCount);
        var disabled = new List<ProjectNode>();
        var units = 0;
        for (var index = 0; index < _count; index++) units = Math.Max(units, _units[index] + 1);
        // One pass per project (a handful), each in the order added: stable, as a sort by project would be,
        // so within a project nodes added before a later RenderQueued stay ahead of those added after it.
        for (var unit = 0; unit < units; unit++)
        {
            for (var index = 0; index < _madeCount; index++)
            {
                if (_units[index] == unit && _made[index] is { Node: { } node } made) (made.Enabled ? enabled : disabled).Add(node);
            }
        }
        return (enabled, disabled);
    }
}
