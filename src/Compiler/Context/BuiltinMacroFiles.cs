using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The embedded built-in macro files (<see cref="BuiltinMacros"/>) listed by package and macro name without parsing any,
/// each parsed the first time its macro is asked for: a compile after one edit renders a model or two and needs a
/// handful of the ~230 files. One per process (<see cref="BuiltinMacros.Files"/>' callers share it); safe from parallel callers.
/// </summary>
internal sealed class BuiltinMacroFiles
{
    private const string ResourcePrefix = "ModelForge.Macros/";
    private const string PathPrefix = "builtin/macros/";
    private const string ShimPathPrefix = PathPrefix + TsqlShims.Folder + "/";

    private readonly List<Slot> _slots = [];
    private readonly Dictionary<string, Dictionary<string, Slot>> _byPackage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _namesByPackage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _byPath = new(StringComparer.Ordinal);
    private int _parsedFiles;

    /// <summary>One file: the package its macro belongs to, the macro's name (the file's), and the macro once parsed.</summary>
    private sealed class Slot(string resource, string path, string package, string? shimNamespace, string name)
    {
        public string Resource { get; } = resource;
        public string Path { get; } = path;
        public string Package { get; } = package;
        public string? ShimNamespace { get; } = shimNamespace;
        public string Name { get; } = name;
        public Macro? Parsed;
    }

    public BuiltinMacroFiles()
    {
        var names = typeof(BuiltinMacroFiles).Assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var resource in names)
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            var path = PathPrefix + resource[ResourcePrefix.Length..].Replace('\\', '/');
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            var shim = path.StartsWith(ShimPathPrefix, StringComparison.Ordinal) ? path[ShimPathPrefix.Length..path.IndexOf('/', ShimPathPrefix.Length)] : null;
            var package = shim is null ? MacroRegistry.BuiltinPackage : TsqlShims.PackageFor(shim);
            var slot = new Slot(resource, path, package, shim, name);
            _slots.Add(slot);
            _byPath[path] = slot;
            if (!_byPackage.TryGetValue(package, out var byName))
            {
                _byPackage[package] = byName = new Dictionary<string, Slot>(StringComparer.Ordinal);
                _namesByPackage[package] = [];
            }
            if (byName.TryAdd(name, slot)) _namesByPackage[package].Add(name);
        }
    }

    /// <summary>The files as (path, text), path like <c>builtin/macros/generate_schema_name.sql</c>, in file order.</summary>
    public IEnumerable<(string Path, string Text)> Files()
    {
        foreach (var slot in _slots) yield return (slot.Path, Text(slot));
    }

    /// <summary>The packages built-in macros belong to: the global project's (<c>dbt</c>) and one per shimmed namespace.</summary>
    public IEnumerable<string> Packages => _namesByPackage.Keys;

    /// <summary>The names of <paramref name="package"/>'s built-in macros, in file order (none parsed).</summary>
    public IReadOnlyList<string> Names(string package) => _namesByPackage.GetValueOrDefault(package) ?? [];

    /// <summary>The macro <paramref name="name"/> of <paramref name="package"/>, parsed now if no one has yet; null when there is none.</summary>
    public Macro? Find(string package, string name, TemplateEngine engine) =>
        _byPackage.GetValueOrDefault(package)?.GetValueOrDefault(name) is { } slot ? Parse(slot, engine) : null;

    /// <summary>Whether <paramref name="macro"/> is one of these files' macros as parsed here.</summary>
    public bool IsBuiltin(Macro macro) => _byPath.GetValueOrDefault(macro.Span.Path) is { } slot && ReferenceEquals(Volatile.Read(ref slot.Parsed), macro);

    /// <summary>How many files have been parsed so far.</summary>
    public int ParsedFiles => Volatile.Read(ref _parsedFiles);

    /// <summary>Every global macro (<paramref name="shims"/> false) or every shim with its namespace, in file order; parsed on every core.</summary>
    public List<(string? Namespace, Macro Macro)> All(TemplateEngine engine, bool shims)
    {
        var slots = _slots.FindAll(slot => (slot.ShimNamespace is not null) == shims);
        var macros = new Macro[slots.Count];
        ParallelLoop.For(slots.Count, i => macros[i] = Parse(slots[i], engine));
        var all = new List<(string?, Macro)>(slots.Count);
        for (var i = 0; i < slots.Count; i++) all.Add((slots[i].ShimNamespace, macros[i]));
        return all;
    }

    // The slot's macro: parsed by the first caller; a racing second parse is dropped, so every caller sees one object.
    private Macro Parse(Slot slot, TemplateEngine engine)
    {
        if (Volatile.Read(ref slot.Parsed) is { } parsed) return parsed;
        var diagnostics = new DiagnosticBag();
        var template = engine.Parse(new SourceText(slot.Path, Text(slot)), diagnostics);
        // A broken built-in is our bug, not the user's: fail loudly.
        if (diagnostics.HasErrors) throw new InvalidOperationException($"Built-in macro file {slot.Path} does not parse: {diagnostics.ToList()[0]}");
        if (template.Macros.Count != 1 || !template.Macros.TryGetValue(slot.Name, out var macro))
            throw new InvalidOperationException($"Built-in macro file {slot.Path} must define one macro, {slot.Name}");
        if (Interlocked.CompareExchange(ref slot.Parsed, macro, null) is { } first) return first;
        Interlocked.Increment(ref _parsedFiles);
        return macro;
    }

    private static string Text(Slot slot)
    {
        using var stream = typeof(BuiltinMacroFiles).Assembly.GetManifestResourceStream(slot.Resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
