using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Every macro a render can call, by package: the root project, installed packages and the built-in
/// macros (package <see cref="BuiltinPackage"/>). An unqualified name is looked up in the calling
/// package, then the root project, then the built-ins, so a project macro overrides a built-in of
/// the same name as in dbt. Fill it before rendering; reads are safe from parallel renders.
/// </summary>
public sealed class MacroRegistry
{
    /// <summary>The package name of the built-in macros (dbt's global project is called <c>dbt</c>).</summary>
    public const string BuiltinPackage = "dbt";

    /// <summary>The <see cref="Fingerprint"/> of forge's own macros.</summary>
    internal const string Builtin = "builtin";

    private readonly Dictionary<string, Dictionary<string, Macro>> _packages = new(StringComparer.Ordinal);
    // Content hash of the file each project or package macro came from; built-ins change only with forge.
    private readonly Dictionary<Macro, string> _fingerprints = new(ReferenceEqualityComparer.Instance);
    private string? _namesFingerprint;
    // Project and package macros bound by a render that records nothing (see NoteBoundUnrecorded).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _boundUnrecorded = new(StringComparer.Ordinal);

    public MacroRegistry(string rootPackage)
    {
        RootPackage = rootPackage;
    }

    public string RootPackage { get; }

    // Set for a registry with the built-in macros: they are parsed from it when first looked up (BuiltinMacros).
    private TemplateEngine? _builtins;

    /// <summary>
    /// A registry holding the built-in macros and the built-in T-SQL shims for dbt packages (each parsed once per
    /// process, when first looked up), and nothing else yet.
    /// </summary>
    public static MacroRegistry WithBuiltins(string rootPackage, TemplateEngine engine)
    {
        var registry = new MacroRegistry(rootPackage) { _builtins = engine };
        foreach (var package in BuiltinMacros.Shared.Packages) registry.AddPackage(package);
        return registry;
    }

    /// <summary>Adds the built-in T-SQL shims, one package per shimmed namespace, to a registry made without <see cref="WithBuiltins"/>.</summary>
    internal void AddTsqlShims(TemplateEngine engine)
    {
        foreach (var (ns, macro) in BuiltinMacros.LoadShims(engine))
        {
            _fingerprints[macro] = Builtin;
            Add(TsqlShims.PackageFor(ns), macro);
        }
    }

    /// <summary>Adds a macro to a package; a later macro of the same name in the same package replaces it.</summary>
    public void Add(string package, Macro macro)
    {
        if (!_packages.TryGetValue(package, out var macros))
        {
            macros = new Dictionary<string, Macro>(StringComparer.Ordinal);
            _packages[package] = macros;
        }
        macros[macro.Name] = macro;
    }

    /// <summary>Makes <paramref name="package"/> known (a namespace) even when it defines no macro.</summary>
    internal void AddPackage(string package)
    {
        if (!_packages.ContainsKey(package)) _packages[package] = new Dictionary<string, Macro>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Packages packages.yml declares that are not installed: name → where declared
    /// (<c>packages.yml:3</c>). Using one (<c>dbt_utils.star(...)</c>) says so instead of "undefined".
    /// </summary>
    internal IReadOnlyDictionary<string, string> MissingPackages { get; set; } = new Dictionary<string, string>();

    /// <summary>Installed packages, without the root project and the built-ins.</summary>
    internal IEnumerable<string> InstalledPackages =>
        _packages.Keys.Where(p => p != RootPackage && p != BuiltinPackage);

    public void AddRange(string package, IEnumerable<Macro> macros)
    {
        foreach (var macro in macros) Add(package, macro);
    }

    /// <summary>Adds every top-level macro of a parsed macro file.</summary>
    public void AddTemplate(string package, Template template)
    {
        var hash = Caching.ContentHash.Of(template.Source.Text);
        foreach (var macro in template.Macros.Values) _fingerprints[macro] = hash;
        AddRange(package, template.Macros.Values);
    }

    /// <summary>
    /// What a macro's definition hashes to, for <see cref="RenderInputs"/>: its file's content hash;
    /// "builtin" for forge's own; null for a macro added without its file (not cacheable).
    /// </summary>
    internal string? Fingerprint(Macro macro) =>
        _fingerprints.GetValueOrDefault(macro) ?? (_builtins is not null && BuiltinMacros.Shared.IsBuiltin(macro) ? Builtin : null);

    /// <summary>
    /// Every macro's package and name: what adapter.dispatch's search can find. Names only: the
    /// macro it picks is recorded with its content when bound. Read after the registry is filled.
    /// </summary>
    internal string NamesFingerprint => LazyInitializer.EnsureInitialized(ref _namesFingerprint, () =>
    {
        var all = Packages.Order(StringComparer.Ordinal).SelectMany(p => NamesIn(p).Order(StringComparer.Ordinal).Select(name => $"{p}.{name}"));
        return Caching.ContentHash.Of(string.Join('\n', all));
    });

    /// <summary>
    /// Notes that a render recording no inputs (a relation name, a YAML value, a hook, an ephemeral model inlined, a
    /// unit test, a parse render the memo does not keep) bound the macro whose <see cref="RenderInputs.BoundMacro"/> key
    /// is <paramref name="key"/>: what such a render produced cannot be redone for one macro's edit alone.
    /// </summary>
    internal void NoteBoundUnrecorded(string key) => _boundUnrecorded.TryAdd(key, true);

    /// <summary>The keys noted by <see cref="NoteBoundUnrecorded"/>; read once the renders are done.</summary>
    internal IEnumerable<string> BoundUnrecorded => _boundUnrecorded.Keys;

    public bool HasPackage(string package) => _packages.ContainsKey(package);

    public IEnumerable<string> Packages => _packages.Keys;

    /// <summary>The macro <paramref name="name"/> defined in <paramref name="package"/> itself, or null.</summary>
    public Macro? FindInPackage(string package, string name) =>
        _packages.TryGetValue(package, out var macros) && macros.TryGetValue(name, out var macro) ? macro
        : _builtins is { } engine ? BuiltinMacros.Shared.Find(package, name, engine) : null;

    /// <summary>
    /// An unqualified lookup from code in <paramref name="localPackage"/>: that package, then the
    /// root project, then the built-ins. Returns the macro and the package that defines it.
    /// </summary>
    public MacroPick? Find(string name, string? localPackage)
    {
        if (localPackage is not null && FindInPackage(localPackage, name) is { } local) return new MacroPick(local, localPackage);
        if (FindInPackage(RootPackage, name) is { } root) return new MacroPick(root, RootPackage);
        if (FindInPackage(BuiltinPackage, name) is { } builtin) return new MacroPick(builtin, BuiltinPackage);
        return null;
    }

    /// <summary>
    /// The macro that replaces context name <paramref name="name"/> for code in <paramref name="package"/>, or null.
    /// The root project may replace ref and source (the originals stay reachable as builtins.ref /
    /// builtins.source). The names dbt defines as macros of its own project, which forge implements
    /// as functions (<see cref="ContextFunctions.DbtMacros"/>), give way to a macro of that name in the
    /// calling package or the root project, as dbt's macro lookup order does.
    /// </summary>
    internal MacroPick? Override(string name, string package)
    {
        if (name is "ref" or "source") return FindInPackage(RootPackage, name) is { } root ? new MacroPick(root, RootPackage) : null;
        if (!ContextFunctions.DbtMacros.Contains(name)) return null;
        return Find(name, package) is { } found && found.Package != BuiltinPackage ? found : null;
    }

    /// <summary>Names of every macro in a package, for "did you mean" hints.</summary>
    public IEnumerable<string> NamesIn(string package)
    {
        var own = _packages.TryGetValue(package, out var macros) ? macros.Keys : null;
        var builtin = _builtins is null ? [] : BuiltinMacros.Shared.Names(package);
        if (builtin.Count == 0) return (IEnumerable<string>?)own ?? [];
        if (own is null || own.Count == 0) return builtin;
        // The built-ins first, in file order, then the package's own others (one of a built-in's name replaces it).
        return builtin.Concat(own.Where(name => !builtin.Contains(name)));
    }
}
