using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Names the relation a node builds with dbt's <c>generate_database_name</c>,
/// <c>generate_schema_name</c> and <c>generate_alias_name</c>. When the project does not override
/// them, the built-in rule runs in C# (same result, no template render per node). An override
/// that provably reads only its custom name and <c>target</c> (<see cref="ArgumentOnlyAnalyzer"/>)
/// runs once per distinct custom name; any other override runs per node.
/// </summary>
internal sealed partial class RelationNamer(ProjectRenderInfo project, TargetInfo target)
{
    private readonly Override? _schema = Override.Find(project.Macros, "generate_schema_name");
    private readonly Override? _alias = Override.Find(project.Macros, "generate_alias_name");
    private readonly Override? _database = Override.Find(project.Macros, "generate_database_name");
    private int _macroCalls;

    /// <summary>How many times an override ran (tests read it to see the memo work).</summary>
    internal int MacroCalls => Volatile.Read(ref _macroCalls);

    public Relation Name(ProjectNode draft, NodeConfig config, string relationType)
    {
        // Built only when an override has to run: most names come from C# or the memo.
        NodeRenderInfo? node = null;
        var schema = _schema is null
            ? config.Schema is { } custom ? $"{target.Schema}_{custom.Trim()}" : target.Schema
            : Call(_schema, config.Schema, draft, config, ref node);
        var alias = _alias is null
            ? config.Alias?.Trim() ?? (draft.Version is { } v ? $"{draft.Name}_v{v.AliasSuffix}" : draft.Name)
            : Call(_alias, config.Alias, draft, config, ref node);
        var database = _database is null
            ? config.Database?.Trim() ?? target.Database
            : Call(_database, config.Database, draft, config, ref node);
        return new Relation(NullIfEmpty(database), schema, alias, relationType, project.EffectiveQuoting);
    }

    private string Call(Override naming, string? custom, ProjectNode draft, NodeConfig config, ref NodeRenderInfo? node)
    {
        if (!naming.Memoisable) return Invoke(naming, custom, node ??= RenderInfoOf(draft, config), draft);
        if (naming.TryGetKnown(custom, out var known)) return known;
        // A call that throws stores nothing: the next node with this name reports its own error.
        var result = Invoke(naming, custom, node ??= RenderInfoOf(draft, config), draft);
        naming.Remember(custom, result);
        return result;
    }

    private string Invoke(Override naming, string? custom, NodeRenderInfo node, ProjectNode draft)
    {
        Interlocked.Increment(ref _macroCalls);
        var span = draft.DefinitionSpan ?? new SourceSpan(new SourceText(draft.Path, ""), 0, 0);
        var context = ContextBuilder.CreateContext(project, node);
        var nodeValue = context.Globals.TryGetValue("model", out var model) ? model : null;
        var result = naming.Macro.Bind(context).Call(new CallArguments([custom, nodeValue], CallArguments.NoNamed, span));
        return (result?.ToString() ?? "").Trim();
    }

    private static NodeRenderInfo RenderInfoOf(ProjectNode draft, NodeConfig config) => new()
    {
        UniqueId = draft.UniqueId,
        Name = draft.Name,
        ResourceType = ResourceTypeNames.Of(draft.ResourceType),
        PackageName = draft.PackageName,
        FilePath = draft.Path,
        Config = new Dictionary<string, object?>(config, StringComparer.Ordinal),
        Phase = RenderPhase.Parse,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
