using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Picks the nodes a command acts on from --select/--exclude: names (with * wildcards),
/// <c>tag:x</c>, <c>path:models/staging</c>, <c>source:raw</c> / <c>source:raw.rides</c>, and graph operators <c>+name</c> / <c>name+</c>.
/// With no --select, every node of the command's resource types is selected.
/// </summary>
internal static class NodeSelector
{
    public static IReadOnlyList<ProjectNode> Select(CompiledProject project, IReadOnlyList<string> select,
        IReadOnlyList<string> exclude, IReadOnlySet<ResourceType> types)
    {
        var chosen = select.Count == 0
            ? project.Nodes.Keys.ToHashSet(StringComparer.Ordinal)
            : select.SelectMany(s => Match(project, s)).ToHashSet(StringComparer.Ordinal);
        foreach (var id in exclude.SelectMany(s => Match(project, s))) chosen.Remove(id);
        return project.Order.Where(chosen.Contains).Select(id => project.Nodes[id]).Where(n => types.Contains(n.ResourceType)).ToList();
    }

    private static IEnumerable<string> Match(CompiledProject project, string selector)
    {
        var parents = selector.StartsWith('+');
        var children = selector.EndsWith('+') && selector.Length > 1;
        var core = selector.Trim('+');
        var matched = project.Nodes.Values.Where(n => Matches(n, core)).Select(n => n.UniqueId).ToList();
        var result = new HashSet<string>(matched, StringComparer.Ordinal);
        foreach (var id in matched)
        {
            if (parents) result.UnionWith(project.Graph.Ancestors(id));
            if (children) result.UnionWith(project.Graph.Descendants(id));
        }
        return result;
    }

    private static bool Matches(ProjectNode node, string selector)
    {
        if (selector.StartsWith("tag:", StringComparison.Ordinal)) return node.Config.Tags.Contains(selector[4..]);
        if (selector.StartsWith("source:", StringComparison.Ordinal)) return MatchesSource(node, selector[7..]);
        if (selector.StartsWith("path:", StringComparison.Ordinal))
        {
            var path = selector[5..].TrimEnd('/');
            return node.Path == path || node.Path.StartsWith(path + "/", StringComparison.Ordinal);
        }
        return Wildcard(node.Name, selector) || node.UniqueId == selector;
    }

    /// <summary>dbt's <c>source:raw</c> (every table of source raw) and <c>source:raw.rides</c> (one table), with * wildcards.</summary>
    private static bool MatchesSource(ProjectNode node, string pattern)
    {
        if (node.SourceTable is not { } table) return false;
        var dot = pattern.IndexOf('.');
        return dot < 0
            ? Wildcard(table.SourceName, pattern)
            : Wildcard(table.SourceName, pattern[..dot]) && Wildcard(table.Name, pattern[(dot + 1)..]);
    }

    private static bool Wildcard(string name, string pattern)
    {
        if (!pattern.Contains('*')) return name == pattern;
        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        return at <= name.Length - parts[^1].Length;
    }
}
