using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    /// <summary>
    /// Parses and parse-renders every model in parallel. The render's text is thrown away: it runs
    /// to learn the model's <c>config()</c> and its <c>ref()</c>/<c>source()</c> calls, as dbt's parser does.
    /// </summary>
    private static void AddModels(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        RelationNamer namer, List<ProjectNode> nodes, List<ProjectNode> disabled, DiagnosticBag diagnostics)
    {
        var models = project.Models;
        var results = new (ProjectNode? Node, bool Enabled)[models.Count];
        Parallel.For(0, models.Count, i =>
        {
            var file = models[i];
            var template = engine.Parse(file.Source, diagnostics);
            if (template.HasErrors) return;
            var baseConfig = project.Configs.ResolveBeforeRender(file);
            var draft = Draft(project, file, ResourceType.Model, baseConfig, template);
            var config = new Dictionary<string, object?>(baseConfig, StringComparer.Ordinal);
            var info = new NodeRenderInfo
            {
                UniqueId = draft.UniqueId,
                Name = draft.Name,
                ResourceType = "model",
                PackageName = draft.PackageName,
                FilePath = draft.Path,
                This = new Relation(null, parseInfo.Target.Schema, draft.Name, null, RelationQuoting.ForTargetType(parseInfo.Target.Type)),
                Config = config,
                Phase = RenderPhase.Parse,
            };
            if (ParseRender(engine, template, parseInfo, resolver, info, diagnostics.Add) is not var (refs, sources)) return;
            KeySpellingCheck.CheckInFileConfig(file.Source, config.Keys.Where(k => !baseConfig.ContainsKey(k)).ToList(), diagnostics);
            project.Configs.ApplyRootOverrides(config, ResourceType.Model, draft.Fqn);
            var finalConfig = new NodeConfig(config, ResourceType.Model);
            var withCalls = new ProjectNode
            {
                UniqueId = draft.UniqueId, Name = draft.Name, ResourceType = draft.ResourceType, PackageName = draft.PackageName,
                Path = draft.Path, OriginalFilePath = draft.OriginalFilePath, Fqn = draft.Fqn, Config = finalConfig, Relation = draft.Relation, File = file,
                Template = template, Properties = draft.Properties, Refs = refs, Sources = sources,
            };
            results[i] = (WithRelation(withCalls, namer, finalConfig, RelationTypeOf(finalConfig.Materialized), diagnostics), finalConfig.Enabled);
        });
        foreach (var (node, enabled) in results)
        {
            if (node is not null) (enabled ? nodes : disabled).Add(node);
        }
    }

    internal static string RelationTypeOf(string materialized) => materialized switch
    {
        "view" => RelationType.View,
        "ephemeral" => RelationType.Cte,
        _ => RelationType.Table,
    };
}
