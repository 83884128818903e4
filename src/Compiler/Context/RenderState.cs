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
    // The globals of the node's own package (nearly every read), then any other package's: most renders see one or two.
    private RenderGlobals? _firstGlobals;
    private Dictionary<string, RenderGlobals>? _otherGlobals;
    // Each macro bound in this render (by reference: a package holds one macro per name), in a short list searched in
    // order: a render binds a handful, and two dictionaries and a record per bound macro showed in a compile's allocation.
    private const int BoundListLimit = 16;
    private BoundSlot[]? _bound;
    private int _boundCount;
    // Past BoundListLimit: by the macro. Values are objects, not tuples (a dictionary of a struct is compiled at run time in a precompiled forge).
    private Dictionary<Macro, BoundCallable>? _boundMore;

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
        if (_firstGlobals is null) return _firstGlobals = new RenderGlobals(this, package);
        if (string.Equals(_firstGlobals.Package, package)) return _firstGlobals;
        _otherGlobals ??= new Dictionary<string, RenderGlobals>(StringComparer.Ordinal);
        if (!_otherGlobals.TryGetValue(package, out var globals))
        {
            globals = new RenderGlobals(this, package);
            _otherGlobals[package] = globals;
        }
        return globals;
    }

    /// <summary>The macro bound to the context of the package that defines it (cached for the render).</summary>
    public ICallable Bind(Macro macro, string package)
    {
        var known = FindBound(macro, out var boundPackage, out var boundCallable);
        if (known && boundPackage == package) return boundCallable!;
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
        if (!known) AddBound(macro, package, callable);
        return callable;
    }

    private bool FindBound(Macro macro, out string? package, out ICallable? callable)
    {
        if (_boundMore is not null)
        {
            var found = _boundMore.TryGetValue(macro, out var bound);
            package = bound?.Package;
            callable = bound?.Callable;
            return found;
        }
        for (var i = 0; i < _boundCount; i++)
        {
            ref var slot = ref _bound![i];
            if (!ReferenceEquals(slot.Macro, macro)) continue;
            package = slot.Package;
            callable = slot.Callable;
            return true;
        }
        package = null;
        callable = null;
        return false;
    }

    private void AddBound(Macro macro, string package, ICallable callable)
    {
        if (_boundMore is not null)
        {
            _boundMore[macro] = new BoundCallable(package, callable);
            return;
        }
        if (_boundCount == BoundListLimit)
        {
            _boundMore = new Dictionary<Macro, BoundCallable>(BoundListLimit * 2, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _boundCount; i++) _boundMore[_bound![i].Macro] = new BoundCallable(_bound[i].Package, _bound[i].Callable);
            _boundMore[macro] = new BoundCallable(package, callable);
            return;
        }
        if (_bound is null || _boundCount == _bound.Length)
        {
            // Grown by hand: Array.Resize of a struct array is generic code compiled at run time in a precompiled forge.
            var grown = new BoundSlot[_bound is null ? 4 : _bound.Length * 2];
            if (_bound is not null) Array.Copy(_bound, grown, _boundCount);
            _bound = grown;
        }
        _bound[_boundCount++] = new BoundSlot(macro, package, callable);
    }

    private readonly record struct BoundSlot(Macro Macro, string Package, ICallable Callable);

    /// <summary>A macro bound in a render: the package whose context it sees, and the callable.</summary>
    private sealed record BoundCallable(string Package, ICallable Callable);

    public ICallable? FindMacro(string name, string? localPackage) =>
        Project.Macros.Find(name, localPackage) is { } found ? Bind(found.Macro, found.Package) : null;
}
