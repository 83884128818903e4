using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Graph;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Turns a loaded project into a <see cref="CompiledProject"/>: parses macros and models, renders
/// each model once at parse time to record its config and its refs, names every relation, and
/// builds the DAG. All problems are collected; null when any is an error.
/// </summary>
public static partial class ProjectCompiler
{
    private static readonly TemplateEngine SharedEngine = new();

    public static CompiledProject? Compile(LoadedProject project, CompileOptions options, DiagnosticBag diagnostics)
    {
        var engine = SharedEngine;
        PhaseTimings.Mark("load project");
        PackageChecks.ReportDeclaredButMissing(project, diagnostics);
        var macros = LoadMacros(project, engine, diagnostics);
        DocsBlockCheck.Report(project, engine, diagnostics);
        PhaseTimings.Mark("parse macros");
        var target = TargetInfoOf(project);
        var parseResolver = new ParseResolver(target.Schema, RelationQuoting.ForTargetType(target.Type));
        var parseInfo = RenderInfo(project, options, target, macros, parseResolver, adapter: null);
        var namer = new RelationNamer(parseInfo, target);
        var statics = new StaticParser(parseInfo, options.StaticParse);
        var memo = statics.Enabled && options.StaticParseMemoPath is { } memoPath
            ? StaticParseMemo.Load(memoPath, StaticParseMemo.Stamp(project, parseInfo), ModelCount(project))
            : StaticParseMemo.None;

        // The root project, then each installed package: nodes belong to the project that defines them.
        var units = project.WithPackages.ToList();
        var queue = new NodeQueue();
        for (var u = 0; u < units.Count; u++)
        {
            queue.BeginUnit(u);
            AddSources(units[u], queue, diagnostics);
            AddSeeds(units[u], namer, queue, diagnostics);
            AddModels(units[u], engine, parseInfo, parseResolver, statics, memo, namer, queue, diagnostics);
            AddSnapshots(units[u], engine, parseInfo, parseResolver, namer, queue, diagnostics);
        }
        // Tests attach only to enabled nodes, and a model's config() (known after its render) can disable it.
        queue.RenderQueued();
        var attachable = queue.EnabledIds(ResourceType.Model, ResourceType.Seed, ResourceType.Snapshot, ResourceType.Source);
        for (var u = 0; u < units.Count; u++)
        {
            queue.BeginUnit(u);
            AddDataTests(units[u], engine, parseInfo, parseResolver, attachable, queue, diagnostics);
        }
        queue.RenderQueued();
        PhaseTimings.Mark("parse + parse-render nodes");
        PhaseTimings.Note($"models parsed statically: {statics.Parsed} of {statics.Parsed + statics.Rendered} ({memo.Reused - memo.ReusedRenders} from the static parse memo, not parsed); parse renders from the memo: {memo.ReusedRenders}");
        // Nothing after the parse adds a record: the memo is written on a pool thread while the graph is built.
        var memoSaved = Task.Run(memo.Save);
        try
        {
            return Link(project, options, queue, target, macros, engine, diagnostics);
        }
        finally
        {
            memoSaved.GetAwaiter().GetResult();
        }
    }

    // The parsed nodes become the compiled project: node table, checks and the graph.
    // A loop rather than Enumerable.Sum, whose instantiation is compiled at run time.
    private static int ModelCount(LoadedProject project)
    {
        var models = 0;
        foreach (var unit in project.WithPackages) models += unit.Models.Count;
        return models;
    }

    private static CompiledProject? Link(LoadedProject project, CompileOptions options, NodeQueue queue, TargetInfo target,
        MacroRegistry macros, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var (defined, disabled) = queue.InDefinitionOrder();
        if (diagnostics.HasErrors) return null;
        var nodes = defined.Concat(UnitTestNodes(project, defined, diagnostics)).ToList();
        if (diagnostics.HasErrors) return null;

        var byId = new Dictionary<string, ProjectNode>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!byId.TryAdd(node.UniqueId, node))
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateNode, $"two nodes are named '{node.UniqueId}'",
                    node.DefinitionSpan, $"rename one of them; the other is {byId[node.UniqueId].Path}"));
        }
        var groups = AccessRules.Groups(project, diagnostics);
        // These read only the parsed nodes, never the graph's copies of them: checked on a pool thread
        // while refs resolve. The bag is shared; it sorts what it holds by position when read.
        var nodeChecks = Task.Run(() =>
        {
            RelationClashCheck.Report(nodes, target.Database, diagnostics);
            // A loop, not Select over the groups' tuples (an instantiation compiled at run time).
            var groupNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in groups) groupNames.Add(group.Group.Name);
            AccessRules.CheckNodes(nodes, groupNames, diagnostics);
        });
        var lookup = new NodeLookup(project.Name, nodes, disabled);
        var restricted = project.WithPackages.Where(u => u.IsPackage && u.ProjectFile.RestrictAccess).Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var graph = BuildGraph(byId, lookup, restricted.Contains, diagnostics);
        nodeChecks.GetAwaiter().GetResult();
        Contracts.ContractValidator.Validate(byId.Values, diagnostics);
        ExternalMaterializationCheck.Report(byId.Values, Targets.WarehouseAdapters.FindOrDefault(project.Target.Type).Capabilities,
            project.Target.Type, diagnostics);
        Microbatch.MicrobatchConfig.Validate(byId.Values, diagnostics);
        var semanticLayer = SemanticLayer.SemanticLayerLinker.Link(project, lookup, byId, target, options.RunStartedAt, diagnostics);
        if (diagnostics.HasErrors) return null;
        PhaseTimings.Mark("graph + checks");
        return new CompiledProject(project, byId, graph, graph.TopologicalOrder()!, macros, engine, options) { SemanticLayer = semanticLayer, Groups = groups };
    }

    /// <summary>The static parser a compile of <paramref name="project"/> uses, for tests that hold it to the render.</summary>
    internal static StaticParser StaticParserFor(LoadedProject project, CompileOptions options, DiagnosticBag diagnostics)
    {
        var target = TargetInfoOf(project);
        var resolver = new ParseResolver(target.Schema, RelationQuoting.ForTargetType(target.Type));
        return new StaticParser(RenderInfo(project, options, target, LoadMacros(project, SharedEngine, diagnostics), resolver, adapter: null), options.StaticParse);
    }

    internal static TargetInfo TargetInfoOf(LoadedProject project)
    {
        var profile = project.Target;
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in profile.Settings)
        {
            if (!TargetInfo.IsSecretKey(key)) extra[key] = value;
        }
        return new TargetInfo(profile.Name, profile.Type, profile.Schema, profile.Database, profile.Threads, project.ProjectFile.Profile)
        {
            Extra = extra,
        };
    }

    internal static ProjectRenderInfo RenderInfo(LoadedProject project, CompileOptions options, TargetInfo target,
        MacroRegistry macros, IRelationResolver resolver, IAdapterRuntime? adapter,
        IReadOnlyDictionary<string, object?>? graphNodes = null) =>
        RenderInfo(project.ProjectFile.Name, project.Vars, project.Packages.ToDictionary(p => p.Name, p => p.Vars, StringComparer.Ordinal),
            PackageChecks.DispatchSearchOrder(project.ProjectFile), options, target, macros, resolver, adapter, graphNodes);

    /// <summary>
    /// As <see cref="RenderInfo(LoadedProject, CompileOptions, TargetInfo, MacroRegistry, IRelationResolver, IAdapterRuntime?, IReadOnlyDictionary{string, object?}?)"/>,
    /// from what it reads of the project: a compile delta (Delta/DeltaRenderer) has these without a loaded project.
    /// </summary>
    internal static ProjectRenderInfo RenderInfo(string projectName, IReadOnlyDictionary<string, object?> vars,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> packageVars, IReadOnlyDictionary<string, IReadOnlyList<string>> dispatchSearchOrder,
        CompileOptions options, TargetInfo target, MacroRegistry macros, IRelationResolver resolver, IAdapterRuntime? adapter,
        IReadOnlyDictionary<string, object?>? graphNodes = null) => new()
    {
        ProjectName = projectName,
        Vars = vars,
        PackageVars = packageVars,
        DispatchSearchOrder = dispatchSearchOrder,
        Target = target,
        Environment = options.Environment,
        Macros = macros,
        InvocationId = options.InvocationId,
        RunStartedAt = options.RunStartedAt,
        FullRefresh = options.FullRefresh,
        Command = options.Command,
        Flags = new Dictionary<string, object?>(StringComparer.Ordinal) { ["STORE_FAILURES"] = options.StoreFailures },
        Resolver = resolver,
        Adapter = adapter,
        Log = options.Log,
        ImpureRead = options.ImpureRead,
        GraphNodes = graphNodes ?? new Dictionary<string, object?>(),
    };

    // Every project's macro files are parsed in one parallel pass; each lands in its own package.
    private static MacroRegistry LoadMacros(LoadedProject project, TemplateEngine engine, DiagnosticBag diagnostics) =>
        BuildMacros(project.ProjectFile.Name, project.WithPackages.Select(unit => unit.Name).ToList(),
            project.WithPackages.SelectMany(unit => unit.Macros.Select(file => new MacroSource(unit.Name, file.Source))).ToList(),
            PackageChecks.NotInstalled(project), engine, diagnostics);

    /// <summary>The engine every compile parses and renders with (its template cache is shared).</summary>
    internal static TemplateEngine Engine => SharedEngine;

    /// <summary>
    /// Starts parsing forge's built-in macros (once per process) on a pool thread, for a caller about to
    /// load a project: the load leaves part of a core idle, and the compile's macro registry then finds them
    /// parsed (or waits for the parse it would have done itself).
    /// </summary>
    internal static void ParseBuiltinsAhead() => Task.Run(() =>
    {
        BuiltinMacros.Load(SharedEngine);
        BuiltinMacros.LoadShims(SharedEngine);
    });

    /// <summary>
    /// The macro registry of a project named <paramref name="root"/> whose packages (the project first) are
    /// <paramref name="packages"/> and whose macro files are <paramref name="files"/>, in load order.
    /// </summary>
    internal static MacroRegistry BuildMacros(string root, IReadOnlyList<string> packages, IReadOnlyList<MacroSource> files,
        IReadOnlyDictionary<string, string> missing, TemplateEngine engine, DiagnosticBag diagnostics)
    {
        var registry = MacroRegistry.WithBuiltins(root, engine);
        var parsed = new Template[files.Count];
        ParallelLoop.For(parsed.Length, i => parsed[i] = engine.Parse(files[i].Source, diagnostics));
        foreach (var package in packages) registry.AddPackage(package);
        // dbt refuses a macro name defined twice in one package rather than letting the later file win.
        // Keyed "package|name" (package names have no '|'): a tuple key's dictionary is compiled at run time.
        var defined = new Dictionary<string, Macro>(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Length; i++)
        {
            if (parsed[i].HasErrors) continue;
            foreach (var macro in parsed[i].Macros.Values)
            {
                if (defined.TryAdd(files[i].Package + "|" + macro.Name, macro)) continue;
                var first = defined[files[i].Package + "|" + macro.Name];
                diagnostics.Add(DiagnosticCodes.ProjectInput.DuplicateMacro(macro.Span, files[i].Package, macro.Name, first.Span.ToString(), macro.Span.ToString()));
            }
            registry.AddTemplate(files[i].Package, parsed[i]);
        }
        registry.MissingPackages = missing;
        return registry;
    }

    private static void AddSources(LoadedProject project, NodeQueue queue, DiagnosticBag diagnostics)
    {
        var name = project.ProjectFile.Name;
        var quoting = RelationQuoting.ForTargetType(project.Target.Type);
        var externalFiles = Targets.WarehouseAdapters.FindOrDefault(project.Target.Type).Capabilities.ExternalFiles;
        foreach (var source in project.Sources)
        {
            foreach (var table in source.Tables)
            {
                var config = project.Configs.Resolve(table);
                var node = new ProjectNode
                {
                    UniqueId = $"source.{name}.{source.Name}.{table.Name}",
                    Name = table.Name,
                    ResourceType = ResourceType.Source,
                    PackageName = name,
                    Path = table.Span.Path,
                    OriginalFilePath = project.PathInProject(table.Span.Path),
                    Fqn = [name, source.Name, table.Name],
                    Config = config,
                    Relation = new Relation(source.Database ?? project.Target.Database, source.Schema, table.Identifier, "table", quoting),
                    SourceTable = table,
                };
                // dbt-duckdb's external_location: source() reads the file instead of a table.
                if (externalFiles) node = ExternalLocation.Apply(node, diagnostics);
                queue.Add(node, config.Enabled && source.Enabled);
            }
        }
    }

    private static void AddSeeds(LoadedProject project, RelationNamer namer, NodeQueue queue, DiagnosticBag diagnostics)
    {
        foreach (var file in project.Seeds)
        {
            var config = project.Configs.Resolve(file);
            var draft = Draft(project, file, ResourceType.Seed, config);
            queue.Add(WithRelation(draft, namer, config, "table", diagnostics), config.Enabled);
        }
    }

    internal static ProjectNode Draft(LoadedProject project, ProjectFileEntry file, ResourceType type, NodeConfig config, Template? template = null) =>
        Draft(project, file, type, config, template is null ? null : new NodeTemplate(template));

    private static ProjectNode Draft(LoadedProject project, ProjectFileEntry file, ResourceType type, NodeConfig config, NodeTemplate? template)
    {
        var name = project.ProjectFile.Name;
        var fqn = new FqnParts(name, file.FqnPath, file.Name);
        return new ProjectNode
        {
            UniqueId = $"{ResourceTypeNames.Of(type)}.{name}.{file.Name}",
            Name = file.Name,
            ResourceType = type,
            PackageName = name,
            Path = file.Path,
            OriginalFilePath = project.PathInProject(file.Path),
            Fqn = fqn,
            Config = config,
            Relation = new Relation(null, null, file.Name, null, RelationQuoting.ForTargetType(project.Target.Type)),
            File = file,
            LazyTemplate = template,
            Properties = project.Schema.Find(type, file.Name),
        };
    }

    private static ProjectNode? WithRelation(ProjectNode draft, RelationNamer namer, NodeConfig config, string relationType, DiagnosticBag diagnostics)
    {
        try
        {
            var relation = namer.Name(draft, config, relationType);
            return new ProjectNode
            {
                UniqueId = draft.UniqueId, Name = draft.Name, ResourceType = draft.ResourceType, PackageName = draft.PackageName,
                Path = draft.Path, OriginalFilePath = draft.OriginalFilePath, Fqn = draft.Fqn, Config = config, Relation = relation, File = draft.File,
                LazyTemplate = draft.LazyTemplate, Properties = draft.Properties, Refs = draft.Refs, Sources = draft.Sources,
                ModelVersion = draft.ModelVersion,
            };
        }
        catch (DiagnosticException e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
    }
}

/// <summary>A macro file's text and the package it belongs to (a class: generic code over a tuple is compiled at run time).</summary>
internal sealed record MacroSource(string Package, SourceText Source);
