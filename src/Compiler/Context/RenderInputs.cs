using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// What one render read, recorded as it happens: each global name and what it resolved to, each
/// macro bound, var, env var, ref and source, with a fingerprint of the value seen. A cached
/// output stays valid while every recorded input fingerprints the same again
/// (<see cref="InputCheck"/>); a render that read something that cannot be fingerprinted (the
/// database, the graph, the clock, its own messages) is <see cref="Uncacheable"/>. Used by one thread.
/// </summary>
internal sealed class RenderInputs
{
    // A model's or test's render records about a dozen names.
    private readonly Dictionary<string, string> _entries = new(16, StringComparer.Ordinal);

    /// <param name="macrosOnly">Record nothing but the macros bound (<see cref="BoundMacros"/>): a compile delta's render
    /// only checks those, and fingerprinting every ref and global read costs it more than the render.</param>
    public RenderInputs(bool macrosOnly = false)
    {
        MacrosOnly = macrosOnly;
    }

    public bool MacrosOnly { get; }

    /// <summary>Why the output cannot be reused, or null.</summary>
    public string? Uncacheable { get; private set; }

    public IReadOnlyDictionary<string, string> Entries => _entries;

    private List<string>? _boundMacros;

    /// <summary>
    /// The keys of the project's and packages' macros the render bound, kept even once it is uncacheable: a render
    /// whose inputs are not stored pins them (<see cref="MacroRegistry.NoteBoundUnrecorded"/>).
    /// </summary>
    public IReadOnlyList<string> BoundMacros => _boundMacros ?? [];

    public void NoteBoundMacro(string key) => (_boundMacros ??= []).Add(key);

    public void MarkUncacheable(string reason) => Uncacheable ??= reason;

    /// <summary>
    /// Forgets everything recorded, for the thread's next render: a compile makes one render's record per node, and the
    /// compile cache copies what it keeps (<see cref="Caching.CompileCache.Store(Compilation.ProjectNode, RenderInputs, long, long, byte[])"/>).
    /// </summary>
    public void Clear()
    {
        _entries.Clear();
        _boundMacros?.Clear();
        Uncacheable = null;
    }

    /// <summary>Records <paramref name="key"/> once; a null fingerprint makes the render uncacheable.</summary>
    public void Record(string key, Func<string?> fingerprint)
    {
        if (MacrosOnly || Uncacheable is not null || _entries.ContainsKey(key)) return;
        if (fingerprint() is { } value) _entries[key] = value;
        else MarkUncacheable(key);
    }

    /// <summary>As <see cref="Record(string, Func{string?})"/>, with the fingerprint already made.</summary>
    public void Record(string key, string? fingerprint)
    {
        if (MacrosOnly || Uncacheable is not null || _entries.ContainsKey(key)) return;
        if (fingerprint is not null) _entries[key] = fingerprint;
        else MarkUncacheable(key);
    }

    /// <summary>As <see cref="Record(string, Func{string?})"/>, with the fingerprint's input passed in rather than captured (no closure per read).</summary>
    public void Record<TState>(string key, TState state, Func<TState, string?> fingerprint)
    {
        if (MacrosOnly || Uncacheable is not null || _entries.ContainsKey(key)) return;
        if (fingerprint(state) is { } value) _entries[key] = value;
        else MarkUncacheable(key);
    }

    // Key prefixes; InputCheck recomputes each kind.
    public const string Global = "g|";
    public const string BoundMacro = "m|";
    public const string Var = "v|";
    public const string HasVar = "h|";
    public const string Env = "e|";
    public const string Ref = "r|";
    public const string SourceCall = "s|";
    public const string Dispatch = "d|";
    // The answer of is_incremental() for the node: checked again against the database, not re-rendered.
    public const string IncrementalCall = "i|";
    // One member of flags read (flags.STORE_FAILURES): the namespace itself records as a constant.
    public const string Flag = "f|";

    public static string Join(params ReadOnlySpan<string?> parts) => KeyOf("", parts);

    // Keys repeat from render to render (every model reading var('start_date'), the refs to a busy model), and the
    // compile cache keeps each render's: a thread makes each key once and its renders share it.
    [ThreadStatic] private static StringPool? t_keys;

    /// <summary>
    /// <paramref name="kind"/> + <see cref="Join"/> of <paramref name="parts"/> (a null part as U+0001), made as one string,
    /// and the same string for equal keys on a thread (every ref and source call records one).
    /// </summary>
    public static string KeyOf(string kind, params ReadOnlySpan<string?> parts)
    {
        var length = kind.Length;
        for (var i = 0; i < parts.Length; i++) length += (i > 0 ? 1 : 0) + (parts[i]?.Length ?? 1);
        var key = length <= 256 ? stackalloc char[length] : new char[length];
        kind.CopyTo(key);
        var at = kind.Length;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) key[at++] = '|';
            var part = parts[i] ?? "\u0001";
            part.CopyTo(key[at..]);
            at += part.Length;
        }
        return (t_keys ??= new StringPool(maxLength: int.MaxValue, maxEntries: 16_384)).Get(key);
    }

    /// <summary>Whether <see cref="DescribeGlobal"/> reads the node rendered (its relation, config or phase) for <paramref name="name"/>.</summary>
    internal static bool DescribesPerNode(ProjectRenderInfo project, string name) =>
        InputCheck.NodeGlobals.Contains(name) && (project.Shared.Values.ContainsKey(name) || ContextFunctions.NodeNames.Contains(name));

    /// <summary>How an answer of is_incremental() is recorded (<see cref="IncrementalCall"/>), by the render and by the check alike.</summary>
    internal static string DescribeIncremental(bool incremental) => incremental ? "true" : "false";

    /// <summary>
    /// Whether <see cref="DescribeGlobal"/> gives <paramref name="recorded"/>. A node's config, which the compile cache's
    /// check reads for nearly every node, is compared as its fingerprint is built rather than made into a string.
    /// </summary>
    internal static bool GlobalMatches(ProjectRenderInfo project, Relation? self, IEnumerable<KeyValuePair<string, object?>> config,
        RenderPhase phase, string package, string name, string recorded) =>
        name == "config" && project.Macros.Override(name, package) is null && IsContextName(project, name)
            ? ValueFingerprint.Matches(config, recorded)
            : DescribeGlobal(project, self, config, phase, package, name) == recorded;

    private static bool IsContextName(ProjectRenderInfo project, string name) =>
        project.Shared.Values.ContainsKey(name) || ContextFunctions.NodeNames.Contains(name);

    /// <summary>What a global name means for the cache: its fingerprint, or null when reading it makes a render uncacheable.</summary>
    internal static string? DescribeGlobal(ProjectRenderInfo project, Relation? self, IEnumerable<KeyValuePair<string, object?>> config,
        RenderPhase phase, string package, string name)
    {
        var macros = project.Macros;
        if (macros.Override(name, package) is { } overriding)
            return "macro:" + overriding.Package + ":" + macros.Fingerprint(overriding.Macro);
        if (IsContextName(project, name))
        {
            return name switch
            {
                "target" or "api" => project.Shared.TargetFingerprint,
                // Each member read is recorded on its own (Runtime.RecordedFlags).
                "flags" => "per-member",
                "this" => ValueFingerprint.Of(self),
                "schema" => self?.Schema ?? project.Target.Schema,
                "database" => (self?.Database ?? project.Target.Database) ?? "~",
                "config" => ValueFingerprint.Of(config),
                "execute" => phase.ToString(),
                "project_name" => project.ProjectName,
                // The function is the same for every render; what it answered is recorded per call (IncrementalCall).
                "is_incremental" => "fn",
                _ when ContextFunctions.Impure.Contains(name) => null,
                _ => "fn",
            };
        }
        if (macros.Find(name, package) is { } found) return "macro:" + found.Package + ":" + macros.Fingerprint(found.Macro);
        if (macros.HasPackage(name)) return "package";
        return MissingPackageNamespace.For(macros, name) is null ? "none" : "missing-package";
    }
}
