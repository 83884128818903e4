using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution.DataTests;

/// <summary>
/// The order and dependencies of `forge build`: each test comes right after the last node it
/// reads, and the children of a tested node also wait for its tests, so an error-severity
/// failure skips everything downstream (dbt's test edges). A test that reads several nodes gates
/// only children that descend from all of them; anything else could close a cycle. A node that
/// reads a source which a selected seed loads (same schema and name) waits for that seed, so a
/// project whose raw data comes from seeds builds from an empty database in one go. A model's
/// unit tests run before it and gate it.
/// </summary>
internal sealed class BuildPlan
{
    private readonly CompiledProject _project;
    private readonly Dictionary<string, List<string>> _extraParents = new(StringComparer.Ordinal);

    private BuildPlan(CompiledProject project)
    {
        _project = project;
    }

    /// <summary>The selected nodes, topologically ordered with tests moved up behind their parents.</summary>
    public IReadOnlyList<ProjectNode> Order { get; private set; } = [];

    public static BuildPlan Create(CompiledProject project, IReadOnlyList<ProjectNode> selected)
    {
        var plan = new BuildPlan(project);
        plan.AddSeedEdges(selected);
        plan.AddTestEdges(selected);
        plan.AddUnitTestEdges(selected);
        plan.Order = plan.Interleave(selected);
        return plan;
    }

    /// <summary>The graph parents of a node plus the tests that gate it; a unit test waits for nothing.</summary>
    public IEnumerable<string> ParentsOf(string id)
    {
        // A unit test reads its model's definition, not its relation: it runs before the model is built.
        if (_project.Nodes[id].ResourceType == ResourceType.UnitTest) return [];
        var parents = _project.Graph.Parents(id);
        return _extraParents.TryGetValue(id, out var extra) ? parents.Concat(extra) : parents;
    }

    private List<ProjectNode> Interleave(IReadOnlyList<ProjectNode> selected)
    {
        var ids = selected.Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        var order = new List<ProjectNode>(selected.Count);
        var emitted = new HashSet<string>(StringComparer.Ordinal);

        // Each test counts its selected parents not yet emitted; emitting a node decrements the
        // counts of the tests that read it. Scanning every waiting test after every node instead
        // cost minutes of CPU at 10,000 models with 9,000 tests before the first node ran.
        var tests = selected.Where(n => n.ResourceType == ResourceType.Test).ToList();
        var unplaced = new int[tests.Count];
        var testsWaitingOn = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var ready = new List<int>();
        for (var i = 0; i < tests.Count; i++)
        {
            foreach (var parent in ParentsOf(tests[i].UniqueId).Where(ids.Contains).Distinct(StringComparer.Ordinal))
            {
                if (!testsWaitingOn.TryGetValue(parent, out var waiters)) testsWaitingOn[parent] = waiters = [];
                waiters.Add(i);
                unplaced[i]++;
            }
            if (unplaced[i] == 0) ready.Add(i);
        }

        void Emit(ProjectNode node)
        {
            order.Add(node);
            if (!emitted.Add(node.UniqueId) || !testsWaitingOn.TryGetValue(node.UniqueId, out var waiters)) return;
            foreach (var i in waiters)
            {
                if (--unplaced[i] == 0) ready.Add(i);
            }
        }
        // The tests a node made ready follow it in selection order.
        void EmitReadyTests()
        {
            while (ready.Count > 0)
            {
                var batch = ready.ToArray();
                ready.Clear();
                Array.Sort(batch);
                foreach (var i in batch) Emit(tests[i]);
            }
        }

        EmitReadyTests();
        var unitTests = selected.Where(n => n.ResourceType == ResourceType.UnitTest).ToList();
        var unitTestsOf = unitTests.ToLookup(u => u.UnitTest!.ModelId, StringComparer.Ordinal);
        foreach (var node in selected.Where(n => n.ResourceType is not (ResourceType.Test or ResourceType.UnitTest)))
        {
            // A model's unit tests go right before it.
            foreach (var unit in unitTestsOf[node.UniqueId]) Emit(unit);
            Emit(node);
            EmitReadyTests();
        }
        foreach (var unit in unitTests.Where(u => !emitted.Contains(u.UniqueId))) Emit(unit);
        return order;
    }

    private void AddSeedEdges(IReadOnlyList<ProjectNode> selected)
    {
        var seeds = selected.Where(n => n.ResourceType == ResourceType.Seed).ToList();
        if (seeds.Count == 0) return;
        foreach (var node in selected)
        {
            foreach (var parent in node.DependsOn)
            {
                var source = _project.Nodes[parent];
                if (source.ResourceType != ResourceType.Source) continue;
                foreach (var seed in seeds.Where(s => SameRelation(s.Relation, source.Relation))) AddParent(node.UniqueId, seed.UniqueId);
            }
        }
    }

    private static bool SameRelation(Compiler.Context.Relation a, Compiler.Context.Relation b) =>
        string.Equals(a.Schema, b.Schema, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Identifier, b.Identifier, StringComparison.OrdinalIgnoreCase)
        && (a.Database is null || b.Database is null || string.Equals(a.Database, b.Database, StringComparison.OrdinalIgnoreCase));

    private void AddParent(string child, string parent)
    {
        if (!_extraParents.TryGetValue(child, out var list)) _extraParents[child] = list = [];
        if (!list.Contains(parent)) list.Add(parent);
    }

    /// <summary>A model waits for its selected unit tests, so one failing skips it and its children (dbt's build).</summary>
    private void AddUnitTestEdges(IReadOnlyList<ProjectNode> selected)
    {
        var ids = selected.Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in selected.Where(n => n.ResourceType == ResourceType.UnitTest))
        {
            if (ids.Contains(unit.UnitTest!.ModelId)) AddParent(unit.UnitTest.ModelId, unit.UniqueId);
        }
    }

    private void AddTestEdges(IReadOnlyList<ProjectNode> selected)
    {
        var ids = selected.Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        foreach (var test in selected.Where(n => n.ResourceType == ResourceType.Test))
        {
            var reads = test.DependsOn;
            foreach (var parent in reads)
            {
                foreach (var child in _project.Graph.Children(parent))
                {
                    if (!ids.Contains(child) || _project.Nodes[child].ResourceType is ResourceType.Test or ResourceType.UnitTest || reads.Contains(child)) continue;
                    if (reads.Count > 1)
                    {
                        var ancestors = _project.Graph.Ancestors(child);
                        if (!reads.All(ancestors.Contains)) continue;
                    }
                    AddParent(child, test.UniqueId);
                }
            }
        }
    }
}
