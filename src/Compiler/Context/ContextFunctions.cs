using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Context.Modules;
using ModelForge.Compiler.Context.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The dbt context functions for one render, by the names templates use. Node-independent values
/// come from <see cref="ProjectGlobals"/> (built once); the rest capture the render's state.
/// </summary>
internal static partial class ContextFunctions
{
    /// <summary>The names <see cref="Create"/> adds beside the shared values (a test keeps the two in step).</summary>
    internal static readonly HashSet<string> NodeNames =
    [
        "ref", "source", "this", "schema", "database", "config", "var", "env_var", "execute", "is_incremental",
        "should_full_refresh", "adapter", "load_relation", "load_cached_relation", "run_query",
        "store_result", "store_raw_result", "load_result", "log", "print", "exceptions", "model", "builtins",
    ];

    /// <summary>
    /// Names whose value a cached output cannot vouch for: the database, other nodes (graph, model),
    /// the clock and the invocation, state kept between statements, and messages a replay would not print.
    /// </summary>
    internal static readonly HashSet<string> Impure =
    [
        "is_incremental", "should_full_refresh", "load_relation", "load_cached_relation", "run_query",
        "store_result", "store_raw_result", "load_result", "log", "print", "exceptions", "model", "graph", "invocation_id",
        "run_started_at", "selected_resources", "modules",
    ];

    /// <summary>
    /// Names dbt defines as macros of its own project but forge implements as functions: a project
    /// or package macro of the same name replaces them (<see cref="MacroRegistry.Override"/>).
    /// </summary>
    internal static readonly HashSet<string> DbtMacros =
        ["is_incremental", "should_full_refresh", "run_query", "load_relation", "load_cached_relation"];

    /// <summary>The node layer of one render: its values are made on first read (<see cref="NodeFunctions"/>).</summary>
    public static NodeFunctions Create(RenderState state) => new(state);

    /// <summary>
    /// The value of node name <paramref name="name"/> (one of <see cref="NodeNames"/>) for this render.
    /// <paramref name="layer"/> gives the render's other node values, so that builtins and
    /// load_relation share the instances templates see.
    /// </summary>
    internal static object? CreateValue(RenderState state, NodeFunctions layer, string name)
    {
        var project = state.Project;
        var node = state.Node;
        return name switch
        {
            "ref" => new RenderFunction("ref", state, static (s, a) => Ref(s, a)),
            "source" => new RenderFunction("source", state, static (s, a) => Source(s, a)),
            "this" => node.This,
            "schema" => node.This?.Schema ?? project.Target.Schema,
            "database" => node.This?.Database ?? project.Target.Database,
            "config" => new ConfigFunction(state),
            "var" => new VarFunction(state),
            "env_var" => new RenderFunction("env_var", state, static (s, a) => EnvVar(s, a)),
            "execute" => state.Executing ? True : False,
            "is_incremental" => new RenderFunction("is_incremental", state, static (s, _) => IsIncremental(s)),
            "should_full_refresh" => new RenderFunction("should_full_refresh", state, static (s, _) => ShouldFullRefresh(s)),
            "adapter" => new AdapterObject(state),
            "load_relation" => new RenderFunction("load_relation", state, static (s, a) => LoadRelation(s, a, "load_relation")),
            "load_cached_relation" => new RenderFunction("load_cached_relation", state, static (s, a) => LoadRelation(s, a, "load_cached_relation")),
            "run_query" => new RenderFunction("run_query", state, static (s, a) => RunQuery(s, a)),
            "store_result" => new RenderFunction("store_result", state, static (s, a) => StoreResult(s, a)),
            "store_raw_result" => new RenderFunction("store_raw_result", state, static (s, a) => StoreRawResult(s, a)),
            "load_result" => new RenderFunction("load_result", state, static (s, a) => LoadResult(s, a)),
            "log" => new RenderFunction("log", state, static (s, a) => Log(s, a)),
            "print" => new RenderFunction("print", state, static (s, a) => Print(s, a)),
            "exceptions" => Exceptions(state),
            "model" => node.Model ?? MinimalModel(node),
            "builtins" => new Namespace("builtins", new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["ref"] = layer.Get("ref"),
                ["source"] = layer.Get("source"),
                ["config"] = layer.Get("config"),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a node name"),
        };
    }

    // Boxed once: `execute` is read by most renders.
    private static readonly object True = true;
    private static readonly object False = false;

    private static Dictionary<string, object?> MinimalModel(NodeRenderInfo node) => new(StringComparer.Ordinal)
    {
        ["unique_id"] = node.UniqueId,
        ["name"] = node.Name,
        ["resource_type"] = node.ResourceType,
        ["package_name"] = node.PackageName,
        ["original_file_path"] = node.FilePath,
        ["path"] = node.FilePath,
        ["alias"] = node.This?.Identifier ?? node.Name,
        ["schema"] = node.This?.Schema,
        ["database"] = node.This?.Database,
        ["config"] = node.Config,
        // dbt 1.9: a microbatch model's running batch, none outside one (so model.batch.id renders empty while parsing).
        ["batch"] = null,
    };

    // Through the render's own adapter object, the one templates see.
    private static Relation? LoadRelation(RenderState state, Templating.Runtime.CallArguments a, string function)
    {
        var adapter = (AdapterObject)((NodeFunctions)state.Functions).Get("adapter")!;
        var usage = $"{function}(ref('model'))";
        var value = Args.Value(a, 0, "relation", function, usage);
        return value is Relation relation ? adapter.LoadRelation(relation, a) : throw Args.WrongType(a, function, "relation", "a relation", value, usage);
    }

    private static bool ShouldFullRefresh(RenderState state) => ShouldFullRefresh(state.Project, state.Node);

    // The node's full_refresh config when set, else the --full-refresh flag.
    private static bool ShouldFullRefresh(ProjectRenderInfo project, NodeRenderInfo node) =>
        node.Config.TryGetValue("full_refresh", out var value) && value is not null
            ? TemplateValues.IsTruthy(value)
            : project.FullRefresh;

    private static bool IsIncremental(RenderState state)
    {
        var incremental = IsIncremental(state.Project, state.Node);
        // The compile cache keeps the answer and asks the database again instead of rendering (InputCheck).
        state.Node.Inputs?.Record(RenderInputs.IncrementalCall, RenderInputs.DescribeIncremental(incremental));
        return incremental;
    }

    /// <summary>
    /// dbt's is_incremental(): true only when executing, the node is incremental, its relation exists
    /// as a table and no full refresh was asked for. Asks the database (the adapter's relation cache).
    /// </summary>
    internal static bool IsIncremental(ProjectRenderInfo project, NodeRenderInfo node)
    {
        if (node.RecordedIncremental is { } recorded) return recorded;
        if (node.Phase != RenderPhase.Execute || project.Adapter is not { } adapter || node.This is not { } self) return false;
        if (!node.Config.TryGetValue("materialized", out var m) || m as string != "incremental") return false;
        if (ShouldFullRefresh(project, node)) return false;
        var existing = adapter.GetRelation(self.Database, self.Schema ?? "", self.Identifier ?? "");
        return existing is { IsTable: true };
    }
}
