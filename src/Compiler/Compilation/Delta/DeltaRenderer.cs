using ModelForge.Compiler.Analysis;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// Renders edited models from a <see cref="DeltaSnapshot"/> as a full compile would, or says why it
/// cannot: the new text must give the same shape (its static parse, or its parse render: same config,
/// refs and sources, so nothing else in the project changes), and its render must read nothing but what
/// the snapshot holds (no impure value, no log or print, no database but is_incremental()'s recorded
/// answer, no macro its last render did not bind). Any doubt is a refusal; the caller then runs the full
/// compile, which reports whatever is wrong. After an edit of macro files, the models whose renders bound
/// their macros are rendered again the same way (<see cref="BindersOf"/>).
/// </summary>
internal sealed class DeltaRenderer
{
    private readonly DeltaSnapshot _snapshot;
    private readonly Func<string, string?> _environment;
    private readonly IReadOnlyDictionary<string, SourceText> _macroTexts;
    private MacroRegistry? _macros;
    private bool _loaded;
    // Shared by every render, as the full compile shares its own (made once the macros load): a model's calls are
    // found by the node rendered, and impure reads are told to the render running on the thread.
    private ProjectRenderInfo? _parseInfo, _executeInfo;
    private StaticParser? _statics;
    private ParseResolver? _parseResolver;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DeltaModel> _rendering = new(StringComparer.Ordinal);
    [ThreadStatic] private static Action<string>? t_impure;

    /// <param name="environment">Read only while rendering (a caller may make the renderer before it knows where reads go).</param>
    /// <param name="macroTexts">Edited macro files by absolute path, as read once by the caller (the text it stamps); others are read here.</param>
    public DeltaRenderer(DeltaSnapshot snapshot, Func<string, string?> environment, IReadOnlyDictionary<string, SourceText>? macroTexts = null)
    {
        _snapshot = snapshot;
        _environment = environment;
        _macroTexts = macroTexts ?? new Dictionary<string, SourceText>();
    }

    /// <summary>The project's macros as they are now, or null when they do not load cleanly. Loaded once; call before rendering in parallel.</summary>
    public MacroRegistry? LoadedMacros()
    {
        if (_loaded) return _macros;
        var diagnostics = new DiagnosticBag();
        var macros = Macros(_snapshot, _macroTexts, diagnostics);
        _macros = diagnostics.HasErrors ? null : macros;
        _loaded = true;
        if (_macros is null) return null;
        var project = _snapshot.Project;
        _parseResolver = new ParseResolver(project.Target.Schema, RelationQuoting.ForTargetType(project.Target.Type));
        _parseInfo = Info(_macros, _parseResolver);
        _executeInfo = Info(_macros, new Resolver(_rendering));
        _statics = new StaticParser(_parseInfo, project.StaticParse);
        return _macros;
    }

    /// <summary>
    /// The snapshot's models (by index) whose renders bound a macro of the edited files <paramref name="macroFiles"/>
    /// (indexes in <see cref="DeltaProject.MacroFiles"/>); null with <paramref name="why"/> when the edit cannot be
    /// followed model by model: the macros do not load, a file's macros differ in name or in what the static parser
    /// reads of them, or one is pinned: bound where no delta renders (a relation name, a YAML value, a test, a model the
    /// snapshot does not hold).
    /// </summary>
    public List<int>? BindersOf(IReadOnlyList<int> macroFiles, out string why)
    {
        var recorded = _snapshot.Macros;
        if (recorded.Unknown is { } unknown) return Refuse<List<int>>($"the macros' users are not known: {unknown}", out why);
        if (LoadedMacros() is not { } macros) return Refuse<List<int>>("the macros do not load", out why);
        var project = _snapshot.Project;
        var now = FilesNow();
        var bound = new List<int[]>();
        foreach (var file in macroFiles)
        {
            var (package, path, _) = project.MacroFiles[file];
            if (!DeltaMacros.SameMacros(now[file], recorded.Files[file]))
                return Refuse<List<int>>($"{path}: a macro was added, removed or renamed, or its parameters changed", out why);
            foreach (var macro in now[file])
            {
                var key = RenderInputs.BoundMacro + package + "|" + macro.Name;
                if (recorded.Pinned.Contains(key)) return Refuse<List<int>>($"{path}: {macro.Name} is used by more than the models a delta renders", out why);
                if (recorded.Binders.TryGetValue(key, out var models)) bound.Add(models);
            }
        }
        why = "";
        return Union(bound);
    }

    // The models of several ascending lists, ascending and each once (marks, not a SortedSet: generic code over int is
    // compiled at run time in a precompiled forge, ~15 methods on a macro edit's path).
    private static List<int> Union(List<int[]> lists)
    {
        var last = -1;
        foreach (var list in lists)
        {
            if (list.Length > 0) last = Math.Max(last, list[^1]);
        }
        var marked = new bool[last + 1];
        foreach (var list in lists)
        {
            foreach (var model in list) marked[model] = true;
        }
        var union = new List<int>();
        for (var model = 0; model < marked.Length; model++)
        {
            if (marked[model]) union.Add(model);
        }
        return union;
    }

    /// <summary>Each macro of <paramref name="macroFiles"/>: its manifest id and its <c>macro_sql</c> as the full manifest writes it.</summary>
    public List<Artifacts.MacroPatch> MacroSql(IReadOnlyList<int> macroFiles)
    {
        var macros = LoadedMacros() ?? throw new InvalidOperationException("the macros do not load");
        var project = _snapshot.Project;
        var now = FilesNow();
        var found = new List<Artifacts.MacroPatch>();
        foreach (var file in macroFiles)
        {
            var package = project.MacroFiles[file].Package;
            foreach (var macro in now[file])
                found.Add(new Artifacts.MacroPatch($"macro.{package}.{macro.Name}", State.MacroDependencies.BodyOf(macros.FindInPackage(package, macro.Name)!)));
        }
        return found;
    }

    private List<MacroSignature>[]? _filesNow;

    // Each macro file's macros as they load now (DeltaMacros.FilesOf), made once: the check and the manifest patch both read it.
    private List<MacroSignature>[] FilesNow() => _filesNow ??= DeltaMacros.FilesOf(LoadedMacros()!, _snapshot.Project.MacroFiles);

    /// <summary>A rendered model: its SQL as the full compile would write it.</summary>
    public sealed record Rendered(DeltaModel Model, string Sql);

    /// <summary>
    /// Whether <paramref name="text"/> (the model's file's content) gives the shape the full compile recorded, by the
    /// static parser or, for a model it did not read, by a parse render: then the project's nodes, configs and graph
    /// are as that compile left them. Null with <paramref name="why"/> when not; else the parsed template.
    /// </summary>
    public Template? TryCheck(DeltaModel model, int index, SourceText text, out string why) => TryCheck(model, index, text, unedited: false, out why);

    // <paramref name="unedited"/>: the file is as the snapshot's compile read it (a macro's user taken again). Its static
    // parse is then the recorded one (BindersOf refused any edit that changes what the static parser reads of a macro);
    // a parse render is still redone, since it runs the edited macros.
    private Template? TryCheck(DeltaModel model, int index, SourceText text, bool unedited, out string why)
    {
        why = "";
        var project = _snapshot.Project;
        var diagnostics = new DiagnosticBag();
        var engine = ProjectCompiler.Engine;
        if (LoadedMacros() is null) return Refuse<Template>("the macros do not load", out why);
        var template = engine.Parse(text, diagnostics);
        if (template.HasErrors || diagnostics.HasErrors) return Refuse<Template>($"{text.Path} does not parse", out why);
        if (unedited && model.ParseConfig is null) return template;
        string? unsupported = null;
        var outer = t_impure;
        // At parse time is_incremental() answers false whatever the database holds.
        t_impure = name => unsupported ??= name == "is_incremental" && model.ParseConfig is not null ? null : name;
        byte[]? shape;
        try
        {
            shape = model.ParseConfig is { } parseConfig
                ? ParseRenderShape(model, index, template, parseConfig, ref why)
                : _statics!.Find(template, model.PackageName) is { } calls ? StaticParseMemo.ShapeOf(calls) : null;
        }
        finally
        {
            t_impure = outer;
        }
        if (why.Length > 0) return null;
        if (shape is null || unsupported is not null || !shape.AsSpan().SequenceEqual(model.Shape))
            return Refuse<Template>($"{text.Path}: its config, refs or sources may have changed", out why);
        return template;
    }

    // The shape of a parse render of the model's template, as the full parse records it (StaticParseMemo.RenderRecording);
    // null when the render fails or cannot be recorded, and a reason in <paramref name="why"/> when it binds a macro anew.
    private byte[]? ParseRenderShape(DeltaModel model, int index, Template template, Func<Dictionary<string, object?>> parseConfig, ref string why)
    {
        var recording = new StaticParseMemo.RenderRecording();
        var config = parseConfig();
        var info = ProjectCompiler.ParseRenderInfo(model.UniqueId, model.Name, model.PackageName, model.Path, _snapshot.Project.Target, config, recording);
        var failed = false;
        if (ProjectCompiler.ParseRender(ProjectCompiler.Engine, template, _parseInfo!, _parseResolver!, info, _ => failed = true) is not var (refs, sources) || failed) return null;
        if (NewlyBound(recording.Inputs, index) is { } added)
        {
            why = $"{model.Path} now uses {added}, which its last render did not";
            return null;
        }
        return recording.Finish(model.UniqueId, refs, sources, config, parseConfig()) is { } calls ? DeltaRecords.ShapeOfRender(calls) : null;
    }

    // A macro the render bound that the snapshot does not know this model to use (its name), or null.
    private string? NewlyBound(RenderInputs inputs, int index)
    {
        foreach (var key in inputs.BoundMacros)
        {
            if (!(_snapshot.Macros.Binders.TryGetValue(key, out var binders) && SortedContains(binders, index)))
                return key[RenderInputs.BoundMacro.Length..].Replace('|', '.');
        }
        return null;
    }

    // A binary search by hand: Array.BinarySearch<int> is compiled at run time in a precompiled forge.
    private static bool SortedContains(int[] sorted, int value)
    {
        var (low, high) = (0, sorted.Length - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle] == value) return true;
            if (sorted[middle] < value) low = middle + 1;
            else high = middle - 1;
        }
        return false;
    }

    /// <summary>
    /// Renders a throwaway template once (an expression, a config() call, an if), so that the first model's render
    /// does not pay the engine's first-call costs (its context, the evaluator's paths): ~20 ms of a one-model delta,
    /// taken ahead of time beside the memo's check. Touches nothing a render of the project reads.
    /// </summary>
    public void WarmUp()
    {
        if (LoadedMacros() is null) return;
        var engine = ProjectCompiler.Engine;
        var text = new SourceText("forge_warm_up.sql", "{{ config(materialized='view') }}{% if 1 + 1 == 2 %}select {{ 'n' ~ 1 }} as n{% endif %}");
        var diagnostics = new DiagnosticBag();
        var template = engine.Parse(text, diagnostics);
        if (diagnostics.HasErrors) return;
        var node = new NodeRenderInfo
        {
            UniqueId = "model.forge_warm_up",
            Name = "forge_warm_up",
            ResourceType = "model",
            PackageName = _snapshot.Project.ProjectName,
            FilePath = text.Path,
            Config = new Dictionary<string, object?>(StringComparer.Ordinal),
            Phase = RenderPhase.Execute,
            Model = new LazyDictionary(() => new Dictionary<string, object?>()),
            Inputs = new RenderInputs(macrosOnly: true),
        };
        var outer = t_impure;
        t_impure = _ => { };
        try
        {
            engine.Render(template, ContextBuilder.CreateContext(_executeInfo!, node));
        }
        catch (DiagnosticException)
        {
            // A warm-up only: the real renders report what is wrong, if anything is.
        }
        finally
        {
            t_impure = outer;
        }
    }

    /// <summary>
    /// The render of <paramref name="model"/> (the snapshot's model <paramref name="index"/>) from <paramref name="text"/>
    /// (its file's content), or null with <paramref name="why"/>. A render that binds a macro the model's last render did
    /// not is refused too: the snapshot would no longer know it as that macro's user.
    /// </summary>
    /// <param name="unedited">Whether the file is as the snapshot's compile read it (a macro's user, taken again after the macro's edit).</param>
    public Rendered? TryRender(DeltaModel model, int index, SourceText text, bool unedited, out string why)
    {
        if (TryCheck(model, index, text, unedited, out why) is not { } template) return null;
        var engine = ProjectCompiler.Engine;
        string? unsupported = null;
        _rendering[model.UniqueId] = model;
        var node = new NodeRenderInfo
        {
            UniqueId = model.UniqueId,
            Name = model.Name,
            ResourceType = "model",
            PackageName = model.PackageName,
            FilePath = model.Path,
            This = model.This,
            Config = new Dictionary<string, object?>(model.Config, StringComparer.Ordinal),
            Phase = RenderPhase.Execute,
            // Reading `model` is an impure read: the render is refused before this empty stand-in matters.
            Model = new LazyDictionary(() => new Dictionary<string, object?>()),
            Inputs = new RenderInputs(macrosOnly: true),
            RecordedIncremental = model.Incremental,
        };
        RenderResult rendered;
        var outer = t_impure;
        // is_incremental() is answered as the last full compile's render was: the memo vouches for the catalog.
        t_impure = name =>
        {
            if (name != "is_incremental" || model.Incremental is null) unsupported ??= name;
        };
        try
        {
            rendered = engine.Render(template, ContextBuilder.CreateContext(_executeInfo!, node));
        }
        catch (DiagnosticException e)
        {
            return Refuse($"{text.Path}: {e.Diagnostic.Message}", out why);
        }
        catch (UnknownCall e)
        {
            return Refuse(e.Message, out why);
        }
        finally
        {
            t_impure = outer;
        }
        if (unsupported is not null) return Refuse($"{text.Path} reads {unsupported}", out why);
        if (node.Inputs.Uncacheable is { } unrecorded) return Refuse($"{text.Path} reads {unrecorded}", out why);
        if (NewlyBound(node.Inputs, index) is { } added) return Refuse($"{text.Path} now uses {added}, which its last render did not", out why);
        if (Validator().Validate(rendered.Text, rendered.Map.Find, new SourceSpan(text, 0, 0), model.CompiledPath).Count > 0)
            return Refuse($"{text.Path}: the compiled SQL does not validate", out why);
        why = "";
        return new Rendered(model, rendered.Text);
    }

    private static Rendered? Refuse(string reason, out string why) => Refuse<Rendered>(reason, out why);

    private static T? Refuse<T>(string reason, out string why) where T : class
    {
        why = reason;
        return null;
    }

    private static MacroRegistry? Macros(DeltaSnapshot snapshot, IReadOnlyDictionary<string, SourceText> macroTexts, DiagnosticBag diagnostics)
    {
        var project = snapshot.Project;
        var files = new MacroSource[project.MacroFiles.Count];
        for (var i = 0; i < files.Length; i++)
        {
            var (package, path, fullPath) = project.MacroFiles[i];
            if ((macroTexts.TryGetValue(fullPath, out var edited) ? edited : SourceFileReader.Read(fullPath, path, diagnostics)) is not { } source) return null;
            files[i] = new MacroSource(package, source);
        }
        return ProjectCompiler.BuildMacros(project.ProjectName, project.Packages, files, project.MissingPackages, ProjectCompiler.Engine, diagnostics);
    }

    // The full compile's render info (ProjectCompiler.RenderInfo), from the snapshot; every impure read and log is told
    // to the render running on the thread.
    private ProjectRenderInfo Info(MacroRegistry macros, IRelationResolver resolver)
    {
        var project = _snapshot.Project;
        var options = new CompileOptions
        {
            Command = project.Command,
            FullRefresh = project.FullRefresh,
            StoreFailures = project.StoreFailures,
            Environment = _environment,
            Log = _ => t_impure?.Invoke("log"),
            ImpureRead = name => t_impure?.Invoke(name),
        };
        return ProjectCompiler.RenderInfo(project.ProjectName, project.Vars, project.PackageVars, project.DispatchSearchOrder, options, project.Target,
            macros, resolver, adapter: null);
    }

    private SqlValidator Validator() => _snapshot.Project.SqlServerVersion is { } version
        ? Analysis.TSql.TSqlValidator.For(Analysis.TSql.TSqlGrammar.Find(version) ?? Analysis.TSql.TSqlGrammar.Default)
        : SqlValidator.ForTarget(_snapshot.Project.Target.Type);

    /// <summary>A ref or source the full compile did not resolve for this model.</summary>
    private sealed class UnknownCall(string message) : Exception(message);

    // The rendered model's ref() and source() calls as the full compile resolved them (the model found by the node
    // rendered); any other is refused.
    private sealed class Resolver(System.Collections.Concurrent.ConcurrentDictionary<string, DeltaModel> rendering) : IRelationResolver
    {
        public Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call)
        {
            var model = rendering[node.UniqueId];
            foreach (var (p, n, v, relation) in model.Refs)
            {
                if (p == package && n == name && Equals(v, version?.Value)) return relation;
            }
            throw new UnknownCall($"ref('{name}') was not resolved by the last compile of {model.UniqueId}");
        }

        public Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call)
        {
            var model = rendering[node.UniqueId];
            foreach (var (s, t, relation) in model.Sources)
            {
                if (s == source && t == table) return relation;
            }
            throw new UnknownCall($"source('{source}', '{table}') was not resolved by the last compile of {model.UniqueId}");
        }
    }
}
