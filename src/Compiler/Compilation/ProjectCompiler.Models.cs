using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    /// <summary>
    /// Queues each model's parse and parse render (run in parallel by <see cref="NodeQueue.RenderQueued"/>).
    /// The render's text is thrown away: it runs to learn the model's <c>config()</c> and its
    /// <c>ref()</c>/<c>source()</c> calls, as dbt's parser does.
    /// </summary>
    private static void AddModels(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        StaticParser statics, StaticParseMemo memo, RelationNamer namer, NodeQueue queue, DiagnosticBag diagnostics)
    {
        var versions = new ModelVersionIndex(project.Schema, diagnostics);
        foreach (var file in project.Models)
            queue.Render(() => Model(project, engine, parseInfo, resolver, statics, memo, namer, file, versions.ForFile(file.Name), diagnostics));
    }

    private static NodeQueue.Made Model(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        StaticParser statics, StaticParseMemo memo, RelationNamer namer, ProjectFileEntry file, ModelVersion? version, DiagnosticBag diagnostics)
    {
        var package = project.ProjectFile.Name;
        // A model the memo knows is not parsed here: its template is parsed when (if) something renders it.
        NodeTemplate template;
        if (memo.TryGet(file.Source, package, out var known)) template = new NodeTemplate(file.Source, engine);
        else
        {
            // Its node keeps it (NodeTemplate): the engine's cache would only hold it a second time.
            var parsed = engine.ParseOnce(file.Source, diagnostics);
            if (parsed.HasErrors) return default;
            template = new NodeTemplate(parsed);
            known = statics.Find(parsed, package);
            if (known is not null) memo.Store(file.Source, package, known);
        }
        var draft = Draft(project, file, ResourceType.Model, new NodeConfig([], ResourceType.Model), template);
        if (version is not null) draft = Versioned(draft, version);
        Dictionary<string, object?> BaseConfig() => version is null
            ? project.Configs.ResolveBeforeRenderMutable(file)
            : project.Configs.ResolveBeforeRender(ResourceType.Model, draft.Fqn, draft.Properties).ToMutable();
        var config = BaseConfig();
        // config() only sets keys (never removes one), so the keys it adds are the ones after these.
        var baseCount = config.Count;
        NodeRenderInfo Info(StaticParseMemo.RenderRecording? recording) =>
            ParseRenderInfo(draft.UniqueId, draft.Name, draft.PackageName, draft.Path, parseInfo.Target, config, recording);
        // A parse render is recorded for the memo; a kept one is replayed only while what it read reads the same.
        var recording = known is null && memo.Keeps ? new StaticParseMemo.RenderRecording() : null;
        var info = Info(recording);
        if (known?.Inputs is not null && !memo.Holds(known, parseInfo, info, resolver))
        {
            memo.Reject(file.Source);
            known = null;
            recording = memo.Keeps ? new StaticParseMemo.RenderRecording() : null;
            info = Info(recording);
        }
        var calls = known is null ? ParseRender(engine, template.Value, parseInfo, resolver, info, diagnostics.Add)
            : known.Inputs is null ? statics.Apply(known, info) : StaticParseMemo.Replay(known, parseInfo, info);
        if (calls is not var (refs, sources)) return default;
        StaticParser.Calls? rendered = null;
        if (recording?.Finish(draft.UniqueId, refs, sources, config, BaseConfig()) is { } finished) memo.Store(file.Source, package, rendered = finished);
        if (config.Count > baseCount) KeySpellingCheck.CheckInFileConfig(file.Source, AddedKeys(config, baseCount), diagnostics);
        project.Configs.ApplyRootOverrides(config, ResourceType.Model, draft.Fqn);
        var finalConfig = new NodeConfig(config, ResourceType.Model);
        // The namer reads the draft's identity (name, version, file), which the render does not change: the node is made once, named.
        Relation relation;
        try
        {
            relation = namer.Name(draft, finalConfig, RelationTypeOf(finalConfig.Materialized));
        }
        catch (DiagnosticException e)
        {
            diagnostics.Add(e.Diagnostic);
            return new(null, finalConfig.Enabled);
        }
        var named = new ProjectNode
        {
            UniqueId = draft.UniqueId, Name = draft.Name, ResourceType = draft.ResourceType, PackageName = draft.PackageName,
            Path = draft.Path, OriginalFilePath = draft.OriginalFilePath, Fqn = draft.Fqn, Config = finalConfig, Relation = relation, File = file,
            LazyTemplate = template, Properties = draft.Properties, Refs = refs, Sources = sources, ModelVersion = draft.ModelVersion,
            StaticCalls = known is { Inputs: null } ? known : null,
            RenderedCalls = known is { Inputs: not null } ? known : rendered,
        };
        return new(named, finalConfig.Enabled);
    }

    // The keys a model's config() calls added after the first baseCount, in order. From the pairs, not Keys, whose
    // collection the dictionary would keep for good.
    private static List<string> AddedKeys(Dictionary<string, object?> config, int baseCount)
    {
        var added = new List<string>(config.Count - baseCount);
        var index = 0;
        foreach (var (key, _) in config)
        {
            if (index++ >= baseCount) added.Add(key);
        }
        return added;
    }

    /// <summary>
    /// What a model's parse render is given: its identity, a stand-in relation in the target's schema, the config it
    /// starts from (which its config() calls fill), and the memo's recording when it keeps the render. A compile
    /// delta redoes a parse render with the same (Delta/DeltaRenderer).
    /// </summary>
    internal static NodeRenderInfo ParseRenderInfo(string uniqueId, string name, string package, string path, TargetInfo target,
        Dictionary<string, object?> config, StaticParseMemo.RenderRecording? recording) => new()
    {
        UniqueId = uniqueId,
        Name = name,
        ResourceType = "model",
        PackageName = package,
        FilePath = path,
        This = new Relation(null, target.Schema, name, null, RelationQuoting.ForTargetType(target.Type)),
        Config = config,
        Phase = RenderPhase.Parse,
        Inputs = recording?.Inputs,
        ConfigCalls = recording is null ? null : recording.OnConfig,
    };

    // dbt: node model.<pkg>.<name>.v<v>, fqn [..., name, v<v>], the model's YAML with the version's config and columns on top.
    private static ProjectNode Versioned(ProjectNode draft, ModelVersion version)
    {
        var fqn = draft.Fqn.Take(draft.Fqn.Count - 1).Append(version.Model.Name).Append($"v{version.V}").ToList();
        var config = new Dictionary<string, object?>(version.Model.Config, StringComparer.Ordinal);
        foreach (var (key, value) in version.Config) config[key] = value;
        return new ProjectNode
        {
            UniqueId = $"model.{draft.PackageName}.{version.Model.Name}.v{version.V}", Name = version.Model.Name, ResourceType = draft.ResourceType,
            PackageName = draft.PackageName, Path = draft.Path, OriginalFilePath = draft.OriginalFilePath, Fqn = fqn, Config = draft.Config,
            Relation = draft.Relation, File = draft.File, LazyTemplate = draft.LazyTemplate,
            Properties = version.Model with { Config = config, Columns = version.ColumnsOf(version.Model.Columns) }, ModelVersion = version,
        };
    }

    internal static string RelationTypeOf(string materialized) => materialized switch
    {
        // dbt-duckdb's external model is a view over the file it writes.
        "view" or "external" => RelationType.View,
        "ephemeral" => RelationType.Cte,
        _ => RelationType.Table,
    };
}
