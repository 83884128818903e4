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
    private readonly Dictionary<(Macro Macro, string Package), ICallable> _bound = new(BoundKeyComparer.Instance);

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
        if (!_bound.TryGetValue((macro, package), out var callable))
        {
            var input = Project.BoundInputs.GetOrAdd((macro, package),
                static (bound, macros) => (RenderInputs.BoundMacro + bound.Package + "|" + bound.Macro.Name, macros.Fingerprint(bound.Macro)), Project.Macros);
            Node.Inputs?.Record(input.Key, input.Fingerprint);
            // Forge's own macros change only with forge; a project's or package's, bound where nothing records it, pins it.
            if (input.Fingerprint != MacroRegistry.Builtin)
            {
                if (Node.Inputs is { } recording) recording.NoteBoundMacro(input.Key);
                else Project.Macros.NoteBoundUnrecorded(input.Key);
            }
            callable = macro.Bind(GlobalsFor(package).Context);
            _bound[(macro, package)] = callable;
        }
        return callable;
    }

    // A package holds one macro per name, so the macro object stands for its name; hashed by
    // reference, without hashing the strings.
    internal sealed class BoundKeyComparer : IEqualityComparer<(Macro Macro, string Package)>
    {
        public static readonly BoundKeyComparer Instance = new();

        public bool Equals((Macro Macro, string Package) x, (Macro Macro, string Package) y) =>
            ReferenceEquals(x.Macro, y.Macro) && string.Equals(x.Package, y.Package, StringComparison.Ordinal);

        public int GetHashCode((Macro Macro, string Package) key) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Macro);
    }

    public ICallable? FindMacro(string name, string? localPackage) =>
        Project.Macros.Find(name, localPackage) is { } found ? Bind(found.Macro, found.Package) : null;
}
