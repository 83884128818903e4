using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// What every render of one invocation shares: project, vars, target, macros, graph, flags and the
/// resolver/database. Immutable once rendering starts; safe to share between parallel renders.
/// </summary>
public sealed class ProjectRenderInfo
{
    private ProjectGlobals? _shared;

    /// <summary>The root project's name (<c>project_name</c>).</summary>
    public required string ProjectName { get; init; }

    /// <summary>Global vars from the project file (<c>vars:</c>).</summary>
    public IReadOnlyDictionary<string, object?> Vars { get; init; } = new Dictionary<string, object?>();

    /// <summary>Vars scoped to one package (<c>vars: {package: {…}}</c>); override <see cref="Vars"/> for that package's nodes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> PackageVars { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    /// <summary><c>--vars</c> from the command line; they override every project var.</summary>
    public IReadOnlyDictionary<string, object?> CliVars { get; init; } = new Dictionary<string, object?>();

    public required TargetInfo Target { get; init; }

    /// <summary>How relations render for this target; defaults to <see cref="RelationQuoting.ForTargetType"/>.</summary>
    public RelationQuoting? Quoting { get; init; }

    /// <summary>Reads an environment variable (null when unset); injectable for tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Lets <c>env_var()</c> read <c>DBT_ENV_SECRET_*</c> (profiles/packages rendering only).</summary>
    public bool AllowSecretEnvVars { get; init; }

    public required MacroRegistry Macros { get; init; }

    /// <summary>Adapter prefixes tried by <c>adapter.dispatch</c> before <c>default</c>; defaults to the target type.</summary>
    public IReadOnlyList<string>? DispatchPrefixes { get; init; }

    /// <summary>The project's <c>dispatch:</c> config: macro namespace → packages to search, in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DispatchSearchOrder { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public string InvocationId { get; init; } = Guid.NewGuid().ToString();

    public DateTimeOffset RunStartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary><c>graph.nodes</c>: unique id → node as a dict (manifest shape).</summary>
    public IReadOnlyDictionary<string, object?> GraphNodes { get; init; } = new Dictionary<string, object?>();

    /// <summary><c>graph.sources</c>: unique id → source as a dict.</summary>
    public IReadOnlyDictionary<string, object?> GraphSources { get; init; } = new Dictionary<string, object?>();

    /// <summary>--full-refresh; a node's <c>full_refresh</c> config overrides it.</summary>
    public bool FullRefresh { get; init; }

    /// <summary>The command: run, build, compile, test, seed, snapshot… (<c>flags.WHICH</c>).</summary>
    public string Command { get; init; } = "run";

    /// <summary>Further <c>flags.*</c> values (upper-case names).</summary>
    public IReadOnlyDictionary<string, object?> Flags { get; init; } = new Dictionary<string, object?>();

    /// <summary>Unique ids of the selected nodes (<c>selected_resources</c>).</summary>
    public IReadOnlyList<string> SelectedResources { get; init; } = [];

    public required IRelationResolver Resolver { get; init; }

    /// <summary>The database, when the runner has one open; null while parsing or compiling offline.</summary>
    public IAdapterRuntime? Adapter { get; init; }

    /// <summary>Receives <c>log()</c>, <c>print()</c> and <c>exceptions.warn()</c>; called from parallel renders.</summary>
    public Action<ContextMessage>? Log { get; init; }

    /// <summary>
    /// Told the name of every impure context value a render reads (<see cref="ContextFunctions.Impure"/>,
    /// and <c>adapter.x</c> for database calls), in any phase: the invocation memo decides from it
    /// whether a whole compile can be replayed. Called from parallel renders.
    /// </summary>
    internal Action<string>? ImpureRead { get; init; }

    /// <summary>Loader for <c>import</c>/<c>include</c>.</summary>
    public ITemplateLoader? Loader { get; init; }

    internal RelationQuoting EffectiveQuoting => Quoting ?? RelationQuoting.ForTargetType(Target.Type);

    // The caches below are keyed and valued by classes: generic code over a tuple is compiled at run time, in the
    // precompiled forms too, and a compile after one edit would pay for it.

    /// <summary>adapter.dispatch's pick by "macro name|namespace|calling package when no namespace"; shared by parallel renders.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, MacroPick> Dispatched { get; } = new(StringComparer.Ordinal);

    // Values that are the same for every render of the invocation, built once.
    internal ProjectGlobals Shared => _shared ?? LazyInitializer.EnsureInitialized(ref _shared, () => new ProjectGlobals(this));

    /// <summary>
    /// What adapter.dispatch's search reads (every macro name and the dispatch settings), as the
    /// compile cache records it: the same for every render, so made once, not once per render.
    /// </summary>
    internal string DispatchFingerprint => _dispatchFingerprint ?? LazyInitializer.EnsureInitialized(ref _dispatchFingerprint,
        () => Macros.NamesFingerprint + "|" + ValueFingerprint.Of(Functions.AdapterObject.DispatchSettingsOf(this)));

    private string? _dispatchFingerprint;

    // How the compile cache records each global name read, by package and name; shared by parallel renders.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, GlobalInput>> _globalInputs =
        new(StringComparer.Ordinal);

    // How the compile cache records each macro bound, by the macro (by reference: a package holds one macro per name).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Macro, BoundInput> _boundInputs = new(ReferenceEqualityComparer.Instance);

    /// <summary>How the compile cache records a read of global <paramref name="name"/> from <paramref name="package"/>'s code; made once per pair.</summary>
    internal GlobalInput GlobalInputFor(string package, string name)
    {
        if (!_globalInputs.TryGetValue(package, out var byName))
            byName = _globalInputs.GetOrAdd(package, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, GlobalInput>(StringComparer.Ordinal));
        if (byName.TryGetValue(name, out var input)) return input;
        input = GlobalInput.For(this, package, name);
        return byName.TryAdd(name, input) ? input : byName[name];
    }

    /// <summary>How the compile cache records <paramref name="macro"/> bound in <paramref name="package"/> (the package that holds it).</summary>
    internal BoundInput BoundInputFor(Macro macro, string package)
    {
        if (_boundInputs.TryGetValue(macro, out var input) && input.Package == package) return input;
        var made = new BoundInput(package, RenderInputs.BoundMacro + package + "|" + macro.Name, Macros.Fingerprint(macro));
        // Kept for the macro's first package only: a macro object held by two packages (none in a project) is made again.
        if (input is null) _boundInputs.TryAdd(macro, made);
        return made;
    }
}

/// <summary>How the compile cache records a macro bound in <see cref="Package"/>: its input key and fingerprint.</summary>
internal sealed record BoundInput(string Package, string Key, string? Fingerprint);
