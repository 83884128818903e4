using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// What taking an edit of a macro file needs, as the full command saw it: the macros each file defined with what
/// the static parser reads of them (so an edit that keeps those leaves every model's config, refs and sources as
/// they were), which snapshot models' parse or execute renders bound each macro (redone after its edit), and the
/// macros no delta can follow (bound by a render that is not redone per model: a relation name, a YAML value, a test,
/// a model the snapshot does not hold).
/// </summary>
internal sealed class DeltaMacros
{
    /// <summary>Per macro file (its index in <see cref="DeltaProject.MacroFiles"/>): each macro it defines with its signature, by name.</summary>
    public required IReadOnlyList<IReadOnlyList<MacroSignature>> Files { get; init; }

    /// <summary>A <see cref="RenderInputs.BoundMacro"/> key → the snapshot models (by index, ascending) whose render bound it.</summary>
    public required IReadOnlyDictionary<string, int[]> Binders { get; init; }

    /// <summary>Keys bound where a delta cannot redo the render.</summary>
    public required IReadOnlySet<string> Pinned { get; init; }

    /// <summary>Why no macro's binders are known (a render whose bound macros were not recorded), or null.</summary>
    public required string? Unknown { get; init; }

    /// <summary>
    /// What the static parser reads of a macro: whether a call of it may be skipped (text and its own parameters
    /// written out) and its parameters' names. Equal signatures give equal static parses of every model calling it.
    /// </summary>
    public static string SignatureOf(Macro macro) =>
        macro is TemplateMacro { Definition: var definition } && StaticParser.IsPure(definition)
            ? "pure(" + string.Join(',', macro.Parameters) + ")"
            : "other";

    /// <summary>Each file's macros with their signatures, by name, in <paramref name="files"/>' order; a file defining none has an empty list.</summary>
    public static List<MacroSignature>[] FilesOf(MacroRegistry registry, IReadOnlyList<DeltaMacroFile> files)
    {
        // Keyed by text, not a tuple: a dictionary of a struct key is compiled at run time in a precompiled forge.
        var byFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = new List<MacroSignature>[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            byFile[FileKey(files[i].Package, files[i].Path)] = i;
            found[i] = [];
        }
        foreach (var package in files.Select(f => f.Package).Distinct(StringComparer.Ordinal))
        {
            foreach (var name in registry.NamesIn(package))
            {
                if (registry.FindInPackage(package, name) is { } macro && byFile.TryGetValue(FileKey(package, macro.Span.Path), out var file))
                    found[file].Add(new MacroSignature(name, SignatureOf(macro)));
            }
        }
        foreach (var file in found) file.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return found;
    }

    private static string FileKey(string package, string path) => package + "\n" + path;

    /// <summary>Whether two files' macros are the same names with the same signatures, in the same order.</summary>
    public static bool SameMacros(IReadOnlyList<MacroSignature> a, IReadOnlyList<MacroSignature> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Name != b[i].Name || a[i].Signature != b[i].Signature) return false;
        }
        return true;
    }

    /// <summary>
    /// The snapshot's macro section. <paramref name="kept"/>: the snapshot's models by unique id → their index.
    /// <paramref name="recorded"/> (compile): the macros each compiled node's render bound; null for commands that do not render.
    /// </summary>
    public static DeltaMacros Of(CompiledProject project, DeltaProject shared, IReadOnlyDictionary<string, int> kept,
        IEnumerable<ProjectNode> compiled, IReadOnlyDictionary<string, KeyValuePair<string, string>[]>? recorded)
    {
        var binders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var pinned = new HashSet<string>(project.Macros.BoundUnrecorded, StringComparer.Ordinal);
        // The relation namer calls its overrides directly (memoised per custom name): they name every node.
        foreach (var package in project.Macros.Packages)
        {
            foreach (var naming in NamingMacros)
            {
                if (package != MacroRegistry.BuiltinPackage && project.Macros.FindInPackage(package, naming) is not null)
                    pinned.Add(RenderInputs.BoundMacro + package + "|" + naming);
            }
        }
        string? unknown = null;
        foreach (var node in project.Nodes.Values)
        {
            if (node.ResourceType != ResourceType.Model) continue;
            // A parse render decides the model's config and refs: a delta redoes it for the snapshot's models alone.
            if (node.RenderedCalls?.Inputs is { } inputs)
            {
                if (kept.TryGetValue(node.UniqueId, out var index)) Bind(binders, inputs, index);
                else Pin(pinned, inputs);
            }
            else if (node.StaticCalls is null && node.RenderedCalls is null) unknown ??= $"the parse render of {node.UniqueId} was not recorded";
        }
        if (recorded is not null)
        {
            foreach (var node in compiled)
            {
                if (node.ResourceType == ResourceType.UnitTest) continue;
                // A render the compile cache did not keep pinned the macros it bound as it ran (CachedCompiler).
                if (!recorded.TryGetValue(node.UniqueId, out var bound)) continue;
                if (!kept.TryGetValue(node.UniqueId, out var index))
                {
                    Pin(pinned, bound);
                    continue;
                }
                Bind(binders, bound, index);
            }
        }
        return new DeltaMacros
        {
            Files = FilesOf(project.Macros, shared.MacroFiles),
            Binders = binders.ToDictionary(p => p.Key, p => SortedDistinct(p.Value), StringComparer.Ordinal),
            Pinned = pinned,
            Unknown = unknown,
        };
    }

    // Ascending, each once (a model's parse and execute renders may both bind a macro).
    private static int[] SortedDistinct(List<int> models)
    {
        var sorted = models.ToArray();
        Array.Sort(sorted);
        var count = 0;
        foreach (var model in sorted)
        {
            if (count == 0 || sorted[count - 1] != model) sorted[count++] = model;
        }
        return sorted.AsSpan(0, count).ToArray();
    }

    private static readonly string[] NamingMacros = ["generate_schema_name", "generate_alias_name", "generate_database_name"];

    /// <summary>Whether a recorded input is a project's or package's macro bound (forge's own change only with forge).</summary>
    public static bool IsEditable(string key, string fingerprint) =>
        key.StartsWith(RenderInputs.BoundMacro, StringComparison.Ordinal) && fingerprint != MacroRegistry.Builtin;

    private static void Bind(Dictionary<string, List<int>> binders, IEnumerable<KeyValuePair<string, string>> inputs, int model)
    {
        foreach (var (key, fingerprint) in inputs)
        {
            if (!IsEditable(key, fingerprint)) continue;
            if (!binders.TryGetValue(key, out var models)) binders[key] = models = [];
            models.Add(model);
        }
    }

    private static void Pin(HashSet<string> pinned, IEnumerable<KeyValuePair<string, string>> inputs)
    {
        foreach (var (key, fingerprint) in inputs)
        {
            if (IsEditable(key, fingerprint)) pinned.Add(key);
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Files.Count);
        foreach (var file in Files)
        {
            writer.Write(file.Count);
            foreach (var macro in file)
            {
                writer.Write(macro.Name);
                writer.Write(macro.Signature);
            }
        }
        writer.Write(Binders.Count);
        foreach (var (key, models) in Binders)
        {
            writer.Write(key);
            writer.Write(models.Length);
            foreach (var model in models) writer.Write(model);
        }
        writer.Write(Pinned.Count);
        foreach (var key in Pinned) writer.Write(key);
        writer.Write(Unknown is not null);
        if (Unknown is not null) writer.Write(Unknown);
    }

    /// <summary>The section as <see cref="Write"/> wrote it; a FormatException for what it did not write.</summary>
    public static DeltaMacros Read(BinaryReader reader)
    {
        var files = new List<MacroSignature>[Count(reader)];
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = [];
            for (var n = Count(reader); n > 0; n--) files[i].Add(new MacroSignature(reader.ReadString(), reader.ReadString()));
        }
        var binders = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var n = Count(reader); n > 0; n--)
        {
            var key = reader.ReadString();
            var models = new int[Count(reader)];
            for (var i = 0; i < models.Length; i++) models[i] = reader.ReadInt32();
            binders[key] = models;
        }
        var pinned = new HashSet<string>(StringComparer.Ordinal);
        for (var n = Count(reader); n > 0; n--) pinned.Add(reader.ReadString());
        var unknown = reader.ReadBoolean() ? reader.ReadString() : null;
        return new DeltaMacros { Files = files, Binders = binders, Pinned = pinned, Unknown = unknown };
    }

    private static int Count(BinaryReader reader) =>
        reader.ReadInt32() is >= 0 and var count ? count : throw new FormatException("negative count in a delta's macros");
}

/// <summary>A macro a file defines, and what the static parser reads of it (<see cref="DeltaMacros.SignatureOf"/>).</summary>
/// <remarks>A class, not a tuple: generic code over a struct is compiled at run time in a precompiled forge.</remarks>
internal sealed record MacroSignature(string Name, string Signature);
