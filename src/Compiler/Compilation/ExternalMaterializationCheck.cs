using System.Text.RegularExpressions;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// <c>materialized='external'</c> writes a file from the warehouse (dbt-duckdb): a target that
/// cannot is refused at compile time, at the config that asks for it, before anything is built.
/// </summary>
internal static partial class ExternalMaterializationCheck
{
    public static void Report(IEnumerable<ProjectNode> nodes, TargetCapabilities capabilities, string targetType, DiagnosticBag diagnostics)
    {
        if (capabilities.ExternalFiles) return;
        foreach (var node in nodes)
        {
            if (node.ResourceType != ResourceType.Model || node.Materialized != "external") continue;
            diagnostics.Add(DiagnosticCodes.ExternalFiles.ExternalNotSupported(ConfigSpan(node, ExternalSetting()), node.Name, targetType));
        }
    }

    // The in-file config() that names it when there is one; else the model's file (the setting came
    // from YAML or dbt_project.yml, which the node does not keep positions for).
    internal static SourceSpan? ConfigSpan(ProjectNode node, Regex setting)
    {
        if (node.File is { } file && setting.Match(file.Source.Text) is { Success: true } match)
            return new SourceSpan(file.Source, match.Index, match.Length);
        return node.DefinitionSpan;
    }

    [GeneratedRegex("""materialized\s*=\s*['"]external['"]""")]
    private static partial Regex ExternalSetting();

    [GeneratedRegex("""\bformat\s*=\s*['"][^'"]*['"]""")]
    internal static partial Regex FormatSetting();
}
