using ModelForge.Compiler.Context;
using ModelForge.Compiler.Graph;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A parsed project: every enabled node with its config, relation and dependencies, the DAG, and
/// what rendering a node at execute time needs (engine, macros, target).
/// </summary>
public sealed class CompiledProject
{
    internal CompiledProject(LoadedProject project, IReadOnlyDictionary<string, ProjectNode> nodes, ModelGraph graph,
        IReadOnlyList<string> order, MacroRegistry macros, TemplateEngine engine, CompileOptions options)
    {
        Project = project;
        Nodes = nodes;
        Graph = graph;
        Order = order;
        Macros = macros;
        Engine = engine;
        Options = options;
    }

    private IReadOnlyDictionary<string, object?>? _graphNodes;
    private IRelationResolver? _resolver;
    private NodeLookup? _lookup;
    private readonly object _lookupLock = new();

    public LoadedProject Project { get; }

    /// <summary>By unique id.</summary>
    public IReadOnlyDictionary<string, ProjectNode> Nodes { get; }

    public ModelGraph Graph { get; }

    /// <summary>Every node in deterministic topological order.</summary>
    public IReadOnlyList<string> Order { get; }

    public MacroRegistry Macros { get; }

    public TemplateEngine Engine { get; }

    public CompileOptions Options { get; }

    public string Name => Project.ProjectFile.Name;

    /// <summary><c>graph.nodes</c> for templates: every node in the manifest's shape, built on first use.</summary>
    public IReadOnlyDictionary<string, object?> GraphNodes => _graphNodes ??= new LazyNodeDictionaries(Nodes);

    /// <summary>
    /// A node's dictionary for an artifact: the one a template already read through <c>graph.nodes</c>
    /// (so the manifest shows what templates saw), else a new one that is not kept: writing the
    /// manifest of 10,000 nodes then holds no more than one batch of them.
    /// </summary>
    internal object? NodeDictionaryOf(string uniqueId) =>
        _graphNodes is LazyNodeDictionaries lazy ? lazy.BuiltOrNew(uniqueId) : NodeDictionary.Of(Nodes[uniqueId]);

    /// <summary>The node's dictionary if a template read it through <c>graph.nodes</c> (and may have changed it), else null.</summary>
    internal object? BuiltNodeDictionary(string uniqueId) => (_graphNodes as LazyNodeDictionaries)?.Built(uniqueId);

    /// <summary>The node dictionaries templates have read so far, by unique id (a copy: later reads do not change it).</summary>
    internal IReadOnlyDictionary<string, object?> BuiltNodeDictionaries() =>
        (_graphNodes as LazyNodeDictionaries)?.BuiltSoFar() ?? new Dictionary<string, object?>();

    /// <summary>
    /// Every node by name for execute-time ref() and source(), built once (~0.1 s at 20,000 nodes) and
    /// shared by the resolver and every worker's node compiler; read-only.
    /// </summary>
    internal NodeLookup Lookup
    {
        get
        {
            if (Volatile.Read(ref _lookup) is { } built) return built;
            lock (_lookupLock) return _lookup ??= new NodeLookup(Name, Nodes.Values, []);
        }
    }

    internal IRelationResolver Resolver => _resolver ??= new ExecuteResolver(Lookup);

    /// <summary>
    /// --defer: a view of this project in which <c>ref()</c> at execute time to a node in
    /// <paramref name="relations"/> (unique id → relation from the state manifest) renders that
    /// relation instead of the node's own. This project is unchanged; nodes, graph and macros are shared.
    /// </summary>
    public CompiledProject WithDeferred(IReadOnlyDictionary<string, Relation> relations) =>
        new(Project, Nodes, Graph, Order, Macros, Engine, Options) { DeferredRelations = relations, _graphNodes = _graphNodes, _lookup = Lookup, SemanticLayer = SemanticLayer, Groups = Groups };

    /// <summary>--defer: unique id → the state manifest's relation that execute-time refs render instead.</summary>
    public IReadOnlyDictionary<string, Relation> DeferredRelations { get; private init; } = new Dictionary<string, Relation>();

    /// <summary>Semantic models, metrics and saved queries, resolved, in the manifest's shape.</summary>
    internal SemanticLayer.SemanticManifest SemanticLayer { get; init; } = Compilation.SemanticLayer.SemanticManifest.Empty;

    /// <summary>The declared groups (<c>groups:</c>), with the project and YAML file of each.</summary>
    internal IReadOnlyList<(LoadedProject Unit, SchemaFile File, GroupDefinition Group)> Groups { get; init; } = [];

    public IEnumerable<ProjectNode> OfType(ResourceType type) =>
        Order.Select(id => Nodes[id]).Where(n => n.ResourceType == type);
}
