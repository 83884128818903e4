using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    /// <summary>
    /// One node per <c>{% snapshot name %}</c> block under the snapshot paths, and per YAML
    /// <c>snapshots:</c> entry with a <c>relation:</c> (dbt 1.9). Each body is parse-rendered like a
    /// model (queued, like models, for <see cref="NodeQueue.RenderQueued"/>) to learn its config and
    /// refs. The relation follows the legacy <c>target_schema</c> / <c>target_database</c> verbatim
    /// when set, and the schema naming macros otherwise.
    /// </summary>
    private static void AddSnapshots(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        RelationNamer namer, NodeQueue queue, DiagnosticBag diagnostics)
    {
        var name = project.ProjectFile.Name;
        var sqlSnapshots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in project.Snapshots)
        {
            var template = engine.Parse(file.Source, diagnostics);
            if (template.HasErrors) continue;
            var blocks = template.Blocks.Where(b => b.Kind == "snapshot").ToList();
            foreach (var block in blocks) sqlSnapshots.Add(block.Name);
            if (blocks.Count == 0) diagnostics.Add(DiagnosticCodes.Incremental.SnapshotWithoutBlock(new SourceSpan(file.Source, 0, 0)));
            foreach (var block in blocks)
            {
                var fqn = new List<string> { name };
                fqn.AddRange(file.FqnPath);
                fqn.Add(block.Name);
                queue.Render(() => Snapshot(project, engine, parseInfo, resolver, namer, block.Name, fqn, file, block.Body, block.Span, diagnostics));
            }
        }
        foreach (var properties in project.Schema.Snapshots)
        {
            if (!properties.Raw.TryGetValue("relation", out var value))
            {
                // A YAML entry that configures a strategy defines a snapshot (dbt 1.9) and needs its relation,
                // unless a snapshot block of that name exists for it to describe.
                if (DefinesSnapshot(properties) && !sqlSnapshots.Contains(properties.Name))
                    diagnostics.Add(DiagnosticCodes.Microbatch.YamlSnapshotWithoutRelation(properties.Span, properties.Name));
                continue;
            }
            var relation = (value as string)?.Trim();
            if (relation is null || !(relation.StartsWith("ref(", StringComparison.Ordinal) || relation.StartsWith("source(", StringComparison.Ordinal)))
            {
                diagnostics.Add(DiagnosticCodes.Incremental.SnapshotRelationInvalid(properties.Span, properties.Name, value?.ToString()));
                continue;
            }
            // The YAML form is a select * from the relation; render it as the equivalent template.
            var source = new SourceText(properties.Span.Path, $"select * from {{{{ {relation} }}}}");
            var template = engine.Parse(source, diagnostics);
            if (template.HasErrors) continue;
            queue.Render(() => Snapshot(project, engine, parseInfo, resolver, namer, properties.Name, [name, properties.Name], null, template,
                properties.Span, diagnostics));
        }
    }

    private static NodeQueue.Made Snapshot(LoadedProject project, TemplateEngine engine, ProjectRenderInfo parseInfo, ParseResolver resolver,
        RelationNamer namer, string name, IReadOnlyList<string> fqn, ProjectFileEntry? file, Template body, SourceSpan span,
        DiagnosticBag diagnostics)
    {
        var properties = project.Schema.Find(ResourceType.Snapshot, name);
        var baseConfig = project.Configs.ResolveBeforeRender(ResourceType.Snapshot, fqn, properties);
        var config = new Dictionary<string, object?>(baseConfig, StringComparer.Ordinal);
        var uniqueId = $"snapshot.{project.ProjectFile.Name}.{name}";
        var path = file?.Path ?? span.Path;
        var info = new NodeRenderInfo
        {
            UniqueId = uniqueId,
            Name = name,
            ResourceType = "snapshot",
            PackageName = project.ProjectFile.Name,
            FilePath = path,
            This = new Relation(null, parseInfo.Target.Schema, name, null, RelationQuoting.ForTargetType(parseInfo.Target.Type)),
            Config = config,
            Phase = RenderPhase.Parse,
        };
        if (ParseRender(engine, body, parseInfo, resolver, info, diagnostics.Add) is not var (refs, sources)) return default;
        project.Configs.ApplyRootOverrides(config, ResourceType.Snapshot, fqn);
        var finalConfig = new NodeConfig(config, ResourceType.Snapshot);
        if (finalConfig.Enabled && !SnapshotConfigIsValid(name, finalConfig, span, diagnostics)) return default;
        var node = new ProjectNode
        {
            UniqueId = uniqueId, Name = name, ResourceType = ResourceType.Snapshot, PackageName = project.ProjectFile.Name,
            Path = path, OriginalFilePath = project.PathInProject(path), Fqn = fqn, Config = finalConfig, Relation = new Relation(null, null, name, null, RelationQuoting.ForTargetType(project.Target.Type)),
            File = file, Template = body, Properties = properties, Refs = refs, Sources = sources,
        };
        try
        {
            var named = namer.Name(node, finalConfig, RelationType.Table);
            // dbt's legacy configs name the schema and database as written, bypassing generate_schema_name.
            var schema = finalConfig.GetString("target_schema") ?? named.Schema;
            var database = finalConfig.GetString("target_database") ?? named.Database;
            node = new ProjectNode
            {
                UniqueId = node.UniqueId, Name = name, ResourceType = ResourceType.Snapshot, PackageName = node.PackageName,
                Path = path, OriginalFilePath = node.OriginalFilePath, Fqn = fqn, Config = finalConfig, Relation = named with { Schema = schema, Database = database },
                File = file, Template = body, Properties = properties, Refs = refs, Sources = sources,
            };
        }
        catch (DiagnosticException e)
        {
            diagnostics.Add(e.Diagnostic);
            return default;
        }
        return new(node, finalConfig.Enabled);
    }

    private static bool DefinesSnapshot(NodeProperties properties) =>
        properties.Raw.TryGetValue("config", out var config) && config is IReadOnlyDictionary<string, object?> values
        && (values.ContainsKey("strategy") || values.ContainsKey("unique_key"));

    private static bool SnapshotConfigIsValid(string name, NodeConfig config, SourceSpan span, DiagnosticBag diagnostics)
    {
        var valid = true;
        void Add(Diagnostic diagnostic)
        {
            diagnostics.Add(diagnostic);
            valid = false;
        }
        var codes = DiagnosticCodes.Incremental.SnapshotConfigMissing;
        if (config.UniqueKey.Count == 0)
            Add(codes(span, name, "unique_key", "set unique_key to the column (or list of columns) that identifies a row"));
        var strategy = config.GetString("strategy");
        if (strategy is null)
            Add(codes(span, name, "strategy", "set strategy='timestamp' (with updated_at) or strategy='check' (with check_cols)"));
        else if (strategy is not ("timestamp" or "check"))
            Add(DiagnosticCodes.Incremental.SnapshotConfigInvalid(span, name, "strategy", strategy, "'timestamp' or 'check'"));
        else if (strategy == "timestamp" && config.GetString("updated_at") is null)
            Add(codes(span, name, "updated_at", "the timestamp strategy needs updated_at: the column that says when a row last changed"));
        else if (strategy == "check" && config.Get("check_cols") is null)
            Add(codes(span, name, "check_cols", "the check strategy needs check_cols: a list of columns to compare, or 'all'"));
        if (config.GetString("hard_deletes") is { } hardDeletes && hardDeletes is not ("ignore" or "invalidate" or "new_record"))
            Add(DiagnosticCodes.Incremental.SnapshotConfigInvalid(span, name, "hard_deletes", hardDeletes, "'ignore', 'invalidate' or 'new_record'"));
        return valid;
    }
}
