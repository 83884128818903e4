using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A query given on the command line (`forge show --inline "…"`) as a model-like node, so that
/// ref(), source() and macros render in it exactly as in a model file.
/// </summary>
public static class InlineNode
{
    public const string Path = "--inline";

    public static ProjectNode Create(CompiledProject project, string sql, DiagnosticBag diagnostics)
    {
        var template = project.Engine.Parse(new SourceText(Path, sql), diagnostics);
        var config = new NodeConfig(new Dictionary<string, object?>(StringComparer.Ordinal) { ["materialized"] = "view" }, ResourceType.Model);
        return new ProjectNode
        {
            UniqueId = $"sql_operation.{project.Name}.inline_query",
            Name = "inline_query",
            ResourceType = ResourceType.Model,
            PackageName = project.Name,
            Path = Path,
            Fqn = [project.Name, "inline_query"],
            Config = config,
            Relation = new Relation(null, project.Project.Target.Schema, "inline_query", RelationType.View,
                RelationQuoting.ForTargetType(project.Project.Target.Type)),
            Template = template,
        };
    }
}
