using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// dbt's model access (1.5+): <c>access: private</c> models may be ref'd only from their group,
/// <c>protected</c> (the default) only from their own package when that package sets
/// <c>restrict-access: true</c>, <c>public</c> from anywhere. Groups are declared under
/// <c>groups:</c>; a node naming an undeclared group is an error, as in dbt.
/// </summary>
internal static class AccessRules
{
    private static readonly string[] Levels = ["private", "protected", "public"];

    public static string AccessOf(ProjectNode node) => node.Config.GetString("access") ?? node.Properties?.Access ?? "protected";

    public static string? GroupOf(ProjectNode node) => node.Config.GetString("group") ?? node.Properties?.Group;

    /// <summary>Every declared group with the project and file that declare it; a name declared twice is reported.</summary>
    public static List<(LoadedProject Unit, SchemaFile File, GroupDefinition Group)> Groups(LoadedProject project, DiagnosticBag diagnostics)
    {
        var result = new List<(LoadedProject, SchemaFile, GroupDefinition)>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var unit in project.WithPackages)
        {
            foreach (var file in unit.Schema.Files)
            {
                foreach (var group in file.Groups)
                {
                    if (seen.TryAdd(group.Name, group.Span)) result.Add((unit, file, group));
                    else diagnostics.Add(DiagnosticCodes.Access.DuplicateGroup(group.Span, group.Name, seen[group.Name]));
                }
            }
        }
        return result;
    }

    /// <summary>Each model's access is one of dbt's three; each node's group is declared.</summary>
    public static void CheckNodes(IEnumerable<ProjectNode> nodes, IReadOnlyCollection<string> groups, DiagnosticBag diagnostics)
    {
        foreach (var node in nodes)
        {
            var span = node.Properties?.Span ?? node.DefinitionSpan;
            if (node.ResourceType == ResourceType.Model && Array.IndexOf(Levels, AccessOf(node)) < 0)
                diagnostics.Add(DiagnosticCodes.Access.BadAccess(span, node.Name, AccessOf(node)));
            if (GroupOf(node) is { } group && !groups.Contains(group))
                diagnostics.Add(DiagnosticCodes.Access.UnknownGroup(span, node.Name, group, NameSuggester.Nearest(group, groups)));
        }
    }

    /// <summary>The error for a ref that <paramref name="target"/>'s access forbids to <paramref name="from"/>; null when allowed.</summary>
    public static Diagnostic? CheckRef(ProjectNode from, ProjectNode target, RefCall call, Func<string, bool> restrictsAccess)
    {
        // Tests are judged with the node they test, not on their own (dbt gives them its group).
        if (target.ResourceType != ResourceType.Model || from.ResourceType == ResourceType.Test) return null;
        var otherPackage = from.PackageName != target.PackageName && restrictsAccess(target.PackageName);
        switch (AccessOf(target))
        {
            case "private":
                var group = GroupOf(target);
                var fromGroup = GroupOf(from);
                if (fromGroup is null || fromGroup != group || otherPackage)
                    return DiagnosticCodes.Access.PrivateRef(call.Span, from.Name, fromGroup, target.Name, group ?? "(none)");
                return null;
            case "protected" when otherPackage:
                return DiagnosticCodes.Access.ProtectedRef(call.Span, from.Name, target.Name, target.PackageName);
            default:
                return null;
        }
    }
}
