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
    // Each macro bound in this render, by the macro (by reference): a package holds one macro per name.
    private readonly Dictionary<Macro, BoundCallable> _bound = new(ReferenceEqualityComparer.Instance);

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
    public Dictionary<string, object?> Results => _results ??= new(StringComparer.Ordinal);

    private Dictionary<string, object?>? _results;

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
        if (_bound.TryGetValue(macro, out var bound) && bound.Package == package) return bound.Callable;
        var input = Project.BoundInputFor(macro, package);
        Node.Inputs?.Record(input.Key, input.Fingerprint);
        // Forge's own macros change only with forge; a project's or package's, bound where nothing records it, pins it.
        if (input.Fingerprint != MacroRegistry.Builtin)
        {
            if (Node.Inputs is { } recording) recording.NoteBoundMacro(input.Key);
            else Project.Macros.NoteBoundUnrecorded(input.Key);
        }
        var callable = macro.Bind(GlobalsFor(package).Context);
        // Kept for the macro's first package only: a macro object held by two packages (none in a project) is bound again.
        if (bound is null) _bound[macro] = new BoundCallable(package, callable);
        return callable;
    }

    /// <summary>A macro bound in a render: the package whose context it sees, and the callable.</summary>
    private sealed record BoundCallable(string Package, ICallable Callable);

    public ICallable? FindMacro(string name, string? localPackage) =>
        Project.Macros.Find(name, localPackage) is { } found ? Bind(found.Macro, found.Package) : null;
}
