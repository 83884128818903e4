using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Names the relation a node builds with dbt's <c>generate_database_name</c>,
/// <c>generate_schema_name</c> and <c>generate_alias_name</c>. When the project does not override
/// them, the built-in rule runs in C# (same result, no template render per node).
/// </summary>
internal sealed class RelationNamer(ProjectRenderInfo project, TargetInfo target)
{
    private readonly bool _builtinSchema = IsBuiltin(project.Macros, "generate_schema_name");
    private readonly bool _builtinAlias = IsBuiltin(project.Macros, "generate_alias_name");
    private readonly bool _builtinDatabase = IsBuiltin(project.Macros, "generate_database_name");

    public Relation Name(ProjectNode draft, NodeConfig config, string relationType)
    {
        var node = new NodeRenderInfo
        {
            UniqueId = draft.UniqueId,
            Name = draft.Name,
            ResourceType = draft.ResourceType.ToString().ToLowerInvariant(),
            PackageName = draft.PackageName,
            FilePath = draft.Path,
            Config = new Dictionary<string, object?>(config, StringComparer.Ordinal),
            Phase = RenderPhase.Parse,
        };
        var span = draft.DefinitionSpan ?? new SourceSpan(new SourceText(draft.Path, ""), 0, 0);

        var schema = _builtinSchema
            ? config.Schema is { } custom ? $"{target.Schema}_{custom.Trim()}" : target.Schema
            : CallMacro("generate_schema_name", config.Schema, node, span);
        var alias = _builtinAlias
            ? config.Alias?.Trim() ?? (draft.Version is { } v ? $"{draft.Name}_v{v.AliasSuffix}" : draft.Name)
            : CallMacro("generate_alias_name", config.Alias, node, span);
        var database = _builtinDatabase
            ? config.Database?.Trim() ?? target.Database
            : CallMacro("generate_database_name", config.Database, node, span);
        return new Relation(NullIfEmpty(database), schema, alias, relationType, project.EffectiveQuoting);
    }

    private string CallMacro(string name, string? custom, NodeRenderInfo node, SourceSpan span)
    {
        var (macro, _) = project.Macros.Find(name, project.ProjectName)!.Value;
        var context = ContextBuilder.CreateContext(project, node);
        var nodeValue = context.Globals.TryGetValue("model", out var model) ? model : null;
        var result = macro.Bind(context).Call(new CallArguments([custom, nodeValue], CallArguments.NoNamed, span));
        return (result?.ToString() ?? "").Trim();
    }

    private static bool IsBuiltin(MacroRegistry macros, string name) =>
        macros.Find(name, macros.RootPackage) is not { Package: var package } || package == MacroRegistry.BuiltinPackage;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
