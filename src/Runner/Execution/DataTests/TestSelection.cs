using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution.DataTests;

/// <summary>
/// dbt's "eager" indirect selection: a test is selected when any node it reads is selected, so
/// <c>forge test -s orders</c> runs the tests of orders (and <c>forge build -s orders</c> builds and
/// tests it). An explicitly excluded test stays out.
/// </summary>
internal static class TestSelection
{
    private static readonly HashSet<ResourceType> AllTypes =
        [ResourceType.Model, ResourceType.Seed, ResourceType.Snapshot, ResourceType.Test, ResourceType.Source];

    public static IReadOnlyList<ProjectNode> Select(CompiledProject project, IReadOnlyList<string> select, IReadOnlyList<string> exclude,
        IReadOnlySet<ResourceType> types)
    {
        var chosen = NodeSelector.Select(project, select, exclude, AllTypes).Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        var excluded = exclude.Count == 0
            ? []
            : NodeSelector.Select(project, exclude, [], AllTypes).Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        foreach (var test in project.OfType(ResourceType.Test))
        {
            if (!excluded.Contains(test.UniqueId) && test.DependsOn.Any(chosen.Contains)) chosen.Add(test.UniqueId);
        }
        return project.Order.Where(chosen.Contains).Select(id => project.Nodes[id]).Where(n => types.Contains(n.ResourceType)).ToList();
    }
}
