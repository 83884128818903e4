using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Everything one render of one node owns: the node, stored statement results, and macros bound
/// lazily to the render's context (one context per package, so that a package's macros find
/// their siblings first). Used by one thread.
/// </summary>
internal sealed class RenderState
{
    private readonly Dictionary<string, RenderGlobals> _globalsByPackage = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Package, string Name), ICallable> _bound = [];

    public RenderState(ProjectRenderInfo project, NodeRenderInfo node)
    {
        Project = project;
        Node = node;
        Functions = ContextFunctions.Create(this);
    }

    public ProjectRenderInfo Project { get; }

    public NodeRenderInfo Node { get; }

    /// <summary>The context functions of this render (ref, config, var…), shared by every package's globals.</summary>
    public IReadOnlyDictionary<string, object?> Functions { get; }

    /// <summary>Results kept by <c>store_result</c> for <c>load_result</c>.</summary>
    public Dictionary<string, object?> Results { get; } = new(StringComparer.Ordinal);

    public bool Executing => Node.Phase == RenderPhase.Execute;

    public RenderGlobals GlobalsFor(string package)
    {
        if (!_globalsByPackage.TryGetValue(package, out var globals))
        {
            globals = new RenderGlobals(this, package);
            _globalsByPackage[package] = globals;
        }
        return globals;
    }

    /// <summary>The macro bound to the context of the package that defines it (cached for the render).</summary>
    public ICallable Bind(Macro macro, string package)
    {
        if (!_bound.TryGetValue((package, macro.Name), out var callable))
        {
            Node.Inputs?.Record(RenderInputs.BoundMacro + package + "|" + macro.Name, () => Project.Macros.Fingerprint(macro));
            callable = macro.Bind(GlobalsFor(package).Context);
            _bound[(package, macro.Name)] = callable;
        }
        return callable;
    }

    public ICallable? FindMacro(string name, string? localPackage) =>
        Project.Macros.Find(name, localPackage) is { } found ? Bind(found.Macro, found.Package) : null;
}
