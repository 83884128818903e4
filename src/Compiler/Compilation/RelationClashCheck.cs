using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Two nodes that build the same database relation (a model aliased like another, a seed named
/// like a model in the same schema) would silently overwrite each other at run time. dbt refuses
/// this at parse time ("two resources with the database representation"); so do we, naming both files,
/// across packages too: a package's model lands in the same schema as the project's unless configured away.
/// </summary>
internal static class RelationClashCheck
{
    public static void Report(IEnumerable<ProjectNode> nodes, string? defaultDatabase, DiagnosticBag diagnostics)
    {
        // DuckDB and SQL Server both compare unquoted identifiers case-insensitively.
        var built = new Dictionary<string, ProjectNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in nodes)
        {
            if (!BuildsRelation(node) || node.Relation.Identifier is not { Length: > 0 } identifier) continue;
            var key = $"{node.Relation.Database ?? defaultDatabase}.{node.Relation.Schema}.{identifier}";
            if (built.TryAdd(key, node)) continue;
            var first = built[key];
            diagnostics.Add(DiagnosticCodes.ProjectInput.DuplicateRelation(node.DefinitionSpan, node.Relation.Render(),
                Kind(first), first.Path, Kind(node), node.Path));
        }
    }

    private static bool BuildsRelation(ProjectNode node) =>
        node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot
        && !string.Equals(node.Config.Materialized, "ephemeral", StringComparison.OrdinalIgnoreCase);

    private static string Kind(ProjectNode node) => node.ResourceType.ToString().ToLowerInvariant();
}
