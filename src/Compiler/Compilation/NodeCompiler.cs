using ModelForge.Compiler.Compilation.Ephemeral;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// Renders nodes for execution: refs resolve to real relations, <c>execute</c> is true, and with
/// an adapter <c>run_query</c> and <c>is_incremental()</c> see the database. Use one instance per
/// worker thread (an adapter serves one render at a time).
/// </summary>
public sealed class NodeCompiler
{
    private readonly CompiledProject _project;
    private readonly ProjectRenderInfo _info;
    private readonly EphemeralResolver _resolver;
    private readonly EphemeralInliner _inliner;
    // An ephemeral model renders the same for every model of the run that refs it.
    private readonly Dictionary<string, (RenderResult, IReadOnlyList<ProjectNode>)> _ephemerals = new(StringComparer.Ordinal);
    // `model` of a render outside a batch, from graph.nodes (each node's dictionary built once): one function per compiler, not a closure per render.
    private readonly Func<string, IReadOnlyDictionary<string, object?>> _graphNode;

    public NodeCompiler(CompiledProject project, IAdapterRuntime? adapter = null)
    {
        _project = project;
        _graphNode = id => (IReadOnlyDictionary<string, object?>)project.GraphNodes[id]!;
        var target = ProjectCompiler.TargetInfoOf(project.Project);
        // Every worker thread has its own compiler; they share the project's lookup of every node.
        _resolver = new EphemeralResolver(project.Lookup)
        {
            Deferred = project.DeferredRelations,
            Empty = project.Options.Empty ? Targets.WarehouseAdapters.FindOrDefault(target.Type).Sql : null,
        };
        _inliner = new EphemeralInliner(RenderEphemeral, !Targets.WarehouseAdapters.FindOrDefault(target.Type).Capabilities.NestedCtes);
        _info = ProjectCompiler.RenderInfo(project.Project, project.Options, target, project.Macros,
            _resolver, adapter, project.GraphNodes);
    }

    /// <summary>
    /// The node's SQL with every template construct evaluated and the ephemeral models it refs
    /// inlined as CTEs. Throws DiagnosticException.
    /// </summary>
    public RenderResult Render(ProjectNode node)
    {
        var compiled = Compile(node);
        return ReferenceEquals(compiled.Text, compiled.Body.Text) ? compiled.Body : new RenderResult(compiled.Text, compiled.Body.Map);
    }

    /// <summary>As <see cref="Render"/>, with positions that map through the inlined CTEs.</summary>
    internal InlinedSql Compile(ProjectNode node, RenderInputs? inputs = null)
    {
        var (body, refs) = RenderRecording(node, inputs);
        return _inliner.Inline(body, refs);
    }

    /// <summary>
    /// As <see cref="Compile(ProjectNode)"/> for one batch of a microbatch model: refs and sources
    /// that declare event_time render filtered to the window, and <c>model.batch</c> describes it.
    /// </summary>
    internal InlinedSql Compile(ProjectNode node, Targets.TargetSql sql, Microbatch.MicrobatchWindow window, Microbatch.BatchSize size)
    {
        _resolver.Batch = (sql, window);
        _batch = (window, size);
        try
        {
            return Compile(node);
        }
        finally
        {
            _resolver.Batch = null;
            _batch = null;
        }
    }

    private (Microbatch.MicrobatchWindow Window, Microbatch.BatchSize Size)? _batch;

    /// <summary>What this compiler's renders share; the compile cache checks recorded inputs against it.</summary>
    internal ProjectRenderInfo Info => _info;

    /// <summary>What a render of <paramref name="node"/> would see of it.</summary>
    internal NodeRenderInfo InfoFor(ProjectNode node) => ExecuteInfo(node, null);

    /// <summary>
    /// What the globals <c>this</c>, <c>config</c> and <c>execute</c> read of <paramref name="node"/> when a render
    /// starts (<see cref="ExecuteInfo"/> gives the render these, its config as a copy): the compile cache checks
    /// a node's recorded globals against them without building a render's info per node.
    /// </summary>
    internal static (Relation? This, IEnumerable<KeyValuePair<string, object?>> Config, RenderPhase Phase) GlobalsFor(ProjectNode node) =>
        (node.Relation, node.Config, RenderPhase.Execute);

    private (RenderResult, IReadOnlyList<ProjectNode>) RenderEphemeral(ProjectNode node)
    {
        if (!_ephemerals.TryGetValue(node.UniqueId, out var rendered)) _ephemerals[node.UniqueId] = rendered = RenderRecording(node);
        return rendered;
    }

    private (RenderResult, IReadOnlyList<ProjectNode>) RenderRecording(ProjectNode node, RenderInputs? inputs = null)
    {
        var refs = _resolver.Record();
        return (RenderTemplate(node, inputs), refs);
    }

    private RenderResult RenderTemplate(ProjectNode node, RenderInputs? inputs)
    {
        if (node.Template is null) throw new InvalidOperationException($"{node.UniqueId} has no template");
        var info = ExecuteInfo(node, inputs);
        var context = ContextBuilder.CreateContext(_info, info);
        // A generic test's generated call reads its arguments from one extra global.
        if (node.Test is not { } test) return _project.Engine.Render(node.Template, context);
        try
        {
            return _project.Engine.Render(node.Template, test.Bind(context));
        }
        catch (Diagnostics.DiagnosticException e)
        {
            // The generated call has no file of its own: point at the YAML that declares the test.
            throw new Diagnostics.DiagnosticException(test.Relocate(e.Diagnostic));
        }
    }

    /// <summary>What templates see of a node at execute time; `config()` writes into a copy of its config.</summary>
    private NodeRenderInfo ExecuteInfo(ProjectNode node, RenderInputs? inputs = null)
    {
        var (self, _, phase) = GlobalsFor(node);
        return new NodeRenderInfo
        {
            Inputs = inputs,
            UniqueId = node.UniqueId,
            Name = node.Name,
            ResourceType = ResourceTypeNames.Of(node.ResourceType),
            PackageName = node.PackageName,
            FilePath = node.Path,
            This = self,
            Config = node.Config.ToMutable(),
            Phase = phase,
            Model = Microbatch.MicrobatchConfig.IsMicrobatch(node)
                ? new LazyDictionary(() => WithBatch((IReadOnlyDictionary<string, object?>)_project.GraphNodes[node.UniqueId]!, _batch))
                : new LazyDictionary(_graphNode, node.UniqueId),
        };
    }

    // dbt 1.9 exposes the running batch as model.batch (id, event_time_start, event_time_end); none outside a batch.
    private static Dictionary<string, object?> WithBatch(IReadOnlyDictionary<string, object?> model, (Microbatch.MicrobatchWindow Window, Microbatch.BatchSize Size)? batch)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in model) copy[key] = value;
        copy["batch"] = batch is not { } b ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = b.Window.Id(b.Size),
            ["event_time_start"] = Microbatch.MicrobatchWindow.Format(b.Window.Start),
            ["event_time_end"] = Microbatch.MicrobatchWindow.Format(b.Window.End),
        };
        return copy;
    }

    /// <summary>
    /// Renders a hook's SQL for execution: pre-/post-hooks with their node's context (<c>this</c>,
    /// <c>config</c>…), on-run-start/-end (<paramref name="node"/> null) with the project's.
    /// <paramref name="origin"/> names where the hook was declared, for error positions.
    /// <paramref name="globals"/> adds names (on-run-end's <c>results</c> and <c>schemas</c>).
    /// Throws DiagnosticException.
    /// </summary>
    public RenderResult RenderHook(ProjectNode? node, string sql, string origin, IReadOnlyDictionary<string, object?>? globals = null) =>
        RenderHook(node, sql, origin, globals, "hooks");

    /// <summary>
    /// Renders `forge run-operation`'s call of <paramref name="macro"/>: the project's context, the
    /// operation named for the macro in messages (dbt: <c>operation.&lt;project&gt;.&lt;macro&gt;</c>).
    /// </summary>
    internal RenderResult RenderOperation(string macro, string sql, IReadOnlyDictionary<string, object?> globals) =>
        RenderHook(null, sql, $"run-operation {macro}", globals, macro);

    private RenderResult RenderHook(ProjectNode? node, string sql, string origin, IReadOnlyDictionary<string, object?>? globals, string operation)
    {
        var diagnostics = new Diagnostics.DiagnosticBag();
        var template = _project.Engine.Parse(new Diagnostics.SourceText(origin, sql), diagnostics);
        if (diagnostics.ToList().FirstOrDefault(d => d.IsError) is { } error) throw new Diagnostics.DiagnosticException(error);
        var info = node is null
            ? new NodeRenderInfo { UniqueId = $"operation.{_project.Name}.{operation}", Name = operation, ResourceType = "operation", PackageName = _project.Name, Phase = RenderPhase.Execute }
            : ExecuteInfo(node);
        var context = ContextBuilder.CreateContext(_info, info);
        foreach (var (name, value) in globals ?? new Dictionary<string, object?>())
            context = new Templating.TemplateContext(new DataTests.KwargsGlobals(context.Globals, name, value), context.Loader);
        return _project.Engine.Render(template, context);
    }

    /// <summary>Where the compiled SQL of a node is written: <c>target/compiled/&lt;package&gt;/&lt;path in its project&gt;</c>, as dbt writes it.</summary>
    public static string CompiledPath(CompiledProject project, ProjectNode node) =>
        $"{project.Project.ProjectFile.TargetPath}/compiled/{FilePath(node)}";

    /// <summary>Where the statements run for a node are written: <c>target/run/&lt;package&gt;/&lt;path in its project&gt;</c>.</summary>
    public static string RunPath(CompiledProject project, ProjectNode node) =>
        $"{project.Project.ProjectFile.TargetPath}/run/{FilePath(node)}";

    // Generic tests live in a YAML file: their SQL goes beside it, as dbt does (models/_schema.yml/unique_x.sql).
    // A package's node goes under the package's name with its path inside the package (dbt_packages/p/models/x.sql → p/models/x.sql);
    // a unit test under its model's name (two models may each have a unit test of one name).
    private static string FilePath(ProjectNode node)
    {
        var path = $"{node.PackageName}/{node.OriginalFilePath ?? node.Path}";
        return node.Test is not null ? $"{path}/{node.Test.CompiledName}.sql"
            : node.UnitTest is not null ? $"{path}/{node.Fqn[^2]}/{node.Name}.sql"
            : path;
    }
}
