using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Cli;

namespace ModelForge.Runner.Execution.DataTests;

/// <summary>
/// dbt's indirect selection: with "eager" (the default) a test is selected when any node it reads
/// is selected, so <c>forge test -s orders</c> runs the tests of orders (and <c>forge build -s
/// orders</c> builds and tests it); "cautious" needs every node it reads selected, "buildable"
/// every node it reads selected or upstream of the selection, "empty" only tests selected by
/// name. An explicitly excluded test stays out.
/// </summary>
internal static class TestSelection
{
    /// <summary>Null (diagnostics printed) when a selector has an error.</summary>
    public static IReadOnlyList<ProjectNode>? Select(ProjectSession session, CliEnvironment environment, IReadOnlySet<ResourceType> types)
    {
        var project = session.Compiled!;
        var options = session.Selection;
        var chosen = NodeSelector.SelectIds(session, environment, options);
        if (chosen is null) return null;
        var excluded = options.Exclude.Count == 0
            ? []
            : NodeSelector.SelectIds(session, environment, options with { Select = options.Exclude, Exclude = [], Selector = null });
        if (excluded is null) return null;
        Expand(project, chosen, excluded, session.Options.IndirectSelection);
        NodeSelector.ApplyDefer(session, chosen);
        return NodeSelector.InOrder(project, chosen, types);
    }

    /// <summary>Names only (no state, no selectors.yml).</summary>
    public static IReadOnlyList<ProjectNode> Select(CompiledProject project, IReadOnlyList<string> select, IReadOnlyList<string> exclude,
        IReadOnlySet<ResourceType> types)
    {
        HashSet<ResourceType> all = [ResourceType.Model, ResourceType.Seed, ResourceType.Snapshot, ResourceType.Test, ResourceType.UnitTest, ResourceType.Source];
        var chosen = NodeSelector.Select(project, select, exclude, all).Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        var excluded = exclude.Count == 0
            ? []
            : NodeSelector.Select(project, exclude, [], all).Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        Expand(project, chosen, excluded, "eager");
        return NodeSelector.InOrder(project, chosen, types);
    }

    private static void Expand(CompiledProject project, HashSet<string> chosen, IReadOnlySet<string> excluded, string mode)
    {
        if (mode == "empty") return;
        var selected = chosen.ToHashSet(StringComparer.Ordinal);
        var upstream = mode == "buildable" ? Ancestors(project, selected) : [];
        // A selected model brings its unit tests too (dbt selects them by their model).
        foreach (var test in project.OfType(ResourceType.Test).Concat(project.OfType(ResourceType.UnitTest)))
        {
            if (excluded.Contains(test.UniqueId) || !test.DependsOn.Any(selected.Contains)) continue;
            var include = mode switch
            {
                "cautious" => test.DependsOn.All(selected.Contains),
                "buildable" => test.DependsOn.All(id => selected.Contains(id) || upstream.Contains(id)),
                _ => true,
            };
            if (include) chosen.Add(test.UniqueId);
        }
    }

    private static HashSet<string> Ancestors(CompiledProject project, IReadOnlySet<string> from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(from);
        while (pending.TryPop(out var id))
        {
            foreach (var parent in project.Graph.Parents(id))
            {
                if (seen.Add(parent)) pending.Push(parent);
            }
        }
        return seen;
    }
}
