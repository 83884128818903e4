using System.Text;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Compilation.Delta;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Memo;

internal sealed partial class InvocationMemo
{
    /// <summary>The generation of the delta snapshot the full compile wrote (recorded in the memo), or null for none.</summary>
    public string? DeltaGeneration { get; set; }

    // What the prefetch read for a delta, if it started to (MemoPrefetch.DeltaAhead).
    private Task<MemoPrefetch.DeltaAhead?>? _deltaAhead;

    /// <summary>Whether a template of this invocation read <c>graph</c> (then an edit of one model may change another's render).</summary>
    public bool ReadGraph => _impure.Read("graph");

    /// <summary>
    /// `forge compile`, `parse` or `ls` after edits of model files alone (everything else as the memo recorded it),
    /// when each edited model's text parses to the shape the full command recorded in its <see cref="DeltaSnapshot"/>
    /// (so nodes, configs and graph are unchanged): compile renders those models alone and writes their compiled
    /// files; compile and parse patch manifest.json in place of a rebuild; ls prints what it printed. The memo is
    /// updated to match. Returns the exit code, or null with <paramref name="why"/> when anything cannot be vouched
    /// for (then the full command runs; at most compiled files it rewrites itself were written).
    /// </summary>
    private int? TryDelta(MemoFile memo, List<Edit> edits, out string why)
    {
        try
        {
            return Delta(memo, edits, out why);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The full command meets the same trouble and reports it.
            why = e.Message;
            return null;
        }
    }

    /// <summary>
    /// The <paramref name="command"/>'s delta snapshot in <paramref name="target"/> when it is of the memo's
    /// <paramref name="generation"/> (else null), and for compile and parse the manifest's index (null: none to patch).
    /// </summary>
    internal static DeltaSnapshot? ReadDeltaFiles(string target, string command, string generation, out ManifestIndex? index)
    {
        index = null;
        if (ReadDeltaSnapshot(target, command, generation) is not { } snapshot) return null;
        if (PatchesManifest(command)) index = ManifestIndex.TryRead(target);
        return snapshot;
    }

    // The index read ahead; read again here when that read failed: this one meets (and throws) the same trouble.
    private static ManifestIndex? IndexAhead(Task<ManifestIndex?>? ahead, string target)
    {
        if (ahead is null) return null;
        try
        {
            return ahead.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            return ManifestIndex.TryRead(target);
        }
    }

    /// <summary>The <paramref name="command"/>'s delta snapshot in <paramref name="target"/> when it is of the memo's <paramref name="generation"/>, else null.</summary>
    internal static DeltaSnapshot? ReadDeltaSnapshot(string target, string command, string generation) =>
        DeltaSnapshot.Read(Path.Combine(target, DeltaSnapshot.FileNameFor(command))) is { } snapshot && snapshot.Generation == generation ? snapshot : null;

    /// <summary>Whether the command writes manifest.json, which a delta patches through its index.</summary>
    internal static bool PatchesManifest(string command) => command is "compile" or "parse";

    // A delta renders at most this many models (a macro's users); beyond it the full compile is about as quick.
    private const int MaxRenders = 3000;

    private int? Delta(MemoFile memo, List<Edit> edits, out string why)
    {
        why = "";
        if (memo.DeltaGeneration.Length == 0) return Fail($"no {_command} delta recorded", out why);
        if (memo.ExitCode != ExitCodes.Success || memo.Printed.Any(p => p.Error)) return Fail($"the last {_command} printed diagnostics", out why);
        var target = Path.GetDirectoryName(_memoPath)!;
        // Read beside the memo's check when the prefetch found the edit (MemoPrefetch.DeltaAhead), else now.
        var ahead = _deltaAhead?.Result;
        ManifestIndex? index = null;
        var snapshot = ahead?.Snapshot ?? ReadDeltaFiles(target, _command, memo.DeltaGeneration, out index);
        if (snapshot is null) return Fail($"the {_command} delta is not the memo's", out why);
        if (_trace && ahead is not null) _original.Error.WriteLine($"{_command} memo delta: read beside the check");
        var writesManifest = PatchesManifest(_command);
        // The index read ahead is taken once the renders are done (its read and the patch's first calls run beside them).
        if (writesManifest && ahead is null && index is null) return Fail("manifest.json cannot be patched", out why);
        PhaseTimings.Mark("read delta");

        // Edited macro files are read once: the text the renders use is the text the memo records.
        var project = snapshot.Project;
        var read = new List<EditRead>();
        var macroTexts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var macroFiles = new List<int>();
        var work = new List<Work>();
        foreach (var edit in edits)
        {
            if (IndexOfMacroFile(project, edit.FullPath) is >= 0 and var file)
            {
                if (ReadUnchanging(edit.FullPath, project.MacroFiles[file].Path, out why) is not { } macro) return null;
                macroTexts[edit.FullPath] = macro.Text;
                macroFiles.Add(file);
                read.Add(new EditRead(edit, macro.Text, macro.Stat));
            }
            else if (snapshot.ModelAt(edit.FullPath, out var at) is { } model) work.Add(new Work(model, at, edit.FullPath, edit));
            else return Fail($"{edit.FullPath} is neither a model nor a macro file the last {_command} read", out why);
        }
        // The renderer made ahead loaded the macro files as the memo recorded them: not for an edit of one of them.
        var renderer = macroTexts.Count == 0 && ahead is not null ? ahead.Renderer : new DeltaRenderer(snapshot, Read, macroTexts);
        ahead?.Variables.To(Read);
        if (renderer.LoadedMacros() is null) return Fail("the macros do not load", out why);
        // After a macro's edit, each model whose last render bound it is taken again: compile renders it (its parse
        // render too when the static parser did not read it); parse and ls, whose snapshots know only parse renders'
        // users, check that its parse render still gives its config, refs and sources.
        if (macroFiles.Count > 0)
        {
            if (renderer.BindersOf(macroFiles, out why) is not { } binders) return null;
            // Marks, not a HashSet<int>: generic code over int is compiled at run time in a precompiled forge.
            var edited = new bool[binders.Count == 0 ? 0 : binders[^1] + 1];
            foreach (var model in work)
            {
                if (model.Index < edited.Length) edited[model.Index] = true;
            }
            var others = new List<int>(binders.Count);
            foreach (var at in binders)
            {
                if (!edited[at]) others.Add(at);
            }
            // Their records read on every core: a macro with a thousand users has a thousand to decode.
            var taken = new Work?[others.Count];
            ParallelLoop.For(others.Count, k => taken[k] = snapshot.ModelAt(others[k]) is { } binder
                ? new Work(binder.Model, others[k], Path.GetFullPath(Path.Combine(project.ProjectRoot, binder.Path)), null)
                : null);
            foreach (var binder in taken)
            {
                if (binder is null) return Fail("the delta's models do not read", out why);
                work.Add(binder);
            }
        }
        if (work.Count > MaxRenders) return Fail($"{work.Count} models to render", out why);

        var results = new Result?[work.Count];
        var reasons = new string[work.Count];
        ParallelLoop.For(work.Count, i => results[i] = Take(memo, renderer, work[i], out reasons[i]));
        for (var i = 0; i < work.Count; i++)
        {
            if (results[i] is not { } result) return Fail(reasons[i], out why);
            if (work[i].Edit is { } edit) read.Add(new EditRead(edit, result.Text, result.Stat));
        }
        PhaseTimings.Mark("delta parse + render");
        PhaseTimings.Note($"built-in macro files parsed: {ModelForge.Compiler.Context.BuiltinMacros.Shared.ParsedFiles}");
        if (ahead is not null) index = IndexAhead(ahead.Index, target);
        if (writesManifest && index is null) return Fail("manifest.json cannot be patched", out why);

        var root = project.ProjectRoot;
        // A macro's users are written in parallel, as the full compile writes.
        var written = new WrittenOutput?[work.Count];
        // Encoded once: the compiled file and the manifest's patch take the same bytes.
        var utf8 = new byte[]?[work.Count];
        var unwritable = 0;
        ParallelLoop.For(work.Count, i =>
        {
            if (results[i]!.Sql is not { } sql) return;
            var compiledPath = work[i].Model.CompiledPath;
            utf8[i] = Encoding.UTF8.GetBytes(sql);
            if (ArtifactFiles.TryWrite(root, compiledPath, utf8[i], out var stamp) is not null) Interlocked.Increment(ref unwritable);
            else
            {
                // Its stamp for the memo as the write read it from the handle (the compile cache records the same); a
                // read-only file replaced whole has none, and is stat'ed by path.
                var fullPath = Path.GetFullPath(Path.Combine(root, compiledPath));
                written[i] = new WrittenOutput(fullPath, stamp is { } file
                    ? new MemoStat(FileStampKind.File, file.Length, file.WrittenTicks, 0)
                    : MemoStat.Of(fullPath));
            }
        });
        if (unwritable > 0) return Fail("a compiled file is not writable", out why);
        PhaseTimings.Step("compiled files");
        var outputs = new List<WrittenOutput>(work.Count + 1);
        foreach (var output in written)
        {
            if (output is not null) outputs.Add(output);
        }
        if (index is not null)
        {
            var patches = new List<NodePatch>(work.Count);
            for (var i = 0; i < work.Count; i++)
            {
                var (model, result) = (work[i].Model, results[i]!);
                var path = result.Sql is null ? null : model.CompiledPath;
                // A macro's user whose file did not change keeps its raw code and checksum.
                patches.Add(work[i].Edit is null
                    ? new NodePatch(model.UniqueId, null, null, result.Sql, path, utf8[i])
                    : new NodePatch(model.UniqueId, result.Text.Text, result.Text.Sha256, result.Sql, path, utf8[i]));
            }
            var macros = macroFiles.Count == 0 ? [] : renderer.MacroSql(macroFiles);
            if (!ManifestPatch.TryApply(target, index, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, patches, macros))
                return Fail("manifest.json could not be patched", out why);
            var manifest = Path.Combine(target, "manifest.json");
            outputs.Add(new WrittenOutput(manifest, MemoStat.Of(manifest)));
        }
        PhaseTimings.Mark("write outputs");

        if (_trace) TraceDelta(work.Select(w => w.Model.UniqueId), macroFiles.Count);
        var unrecorded = Rerecord(memo, read, outputs);
        if (unrecorded is not null) MemoFile.Delete(_memoPath!);
        if (_trace) _original.Error.WriteLine(unrecorded is null ? $"{_command} memo: written" : $"{_command} memo: not written: {unrecorded}");
        PhaseTimings.Mark("record memo");
        foreach (var (error, text) in memo.Printed) (error ? _original.Error : _original.Output).Write(text);
        return memo.ExitCode;
    }

    // Classes, not tuples: generic code over a struct is compiled at run time outside the self-contained form.
    /// <summary>A file read and its stamp then.</summary>
    private sealed record FileRead(SourceText Text, MemoStat Stat);

    /// <summary>An edited file as the delta read it, for the memo's new entry.</summary>
    private sealed record EditRead(Edit Edit, SourceText Text, MemoStat Stat);

    /// <summary>A model the delta takes: edited (<see cref="Edit"/>), or rendered again for a macro it bound (its file as the memo recorded it).</summary>
    private sealed record Work(DeltaModel Model, int Index, string FullPath, Edit? Edit);

    /// <summary>A file the delta wrote, and its stamp once written.</summary>
    private sealed record WrittenOutput(string FullPath, MemoStat Stat);

    /// <summary>A model taken: its text as read, the file's stamp then, and its compiled SQL (compile).</summary>
    private sealed record Result(SourceText Text, MemoStat Stat, string? Sql);

    // Reads the model and checks (parse, ls) or renders (compile) it; an unedited model's file must be as the memo recorded it.
    private Result? Take(MemoFile memo, DeltaRenderer renderer, Work work, out string why)
    {
        if (ReadUnchanging(work.FullPath, work.Model.Path, out why) is not var (text, stat)) return null;
        if (work.Edit is null && !StillRecorded(memo, work.FullPath, stat)) return Fail<Result>($"{work.Model.Path} is not as the memo recorded it", out why);
        if (_command != "compile") return renderer.TryCheck(work.Model, work.Index, text, out why) is null ? null : new Result(text, stat, null);
        return renderer.TryRender(work.Model, work.Index, text, unedited: work.Edit is null, out why) is { } rendered ? new Result(text, stat, rendered.Sql) : null;
    }

    // The file's text and its stamp, when it is a plain file that did not change while read.
    private static FileRead? ReadUnchanging(string fullPath, string displayPath, out string why)
    {
        var before = MemoStat.Of(fullPath);
        var diagnostics = new DiagnosticBag();
        if (SourceFileReader.Read(fullPath, displayPath, diagnostics) is not { } text || diagnostics.HasErrors) return Fail<FileRead>($"{displayPath} does not read cleanly", out why);
        if (MemoStat.Of(fullPath) != before || before.Kind != FileStampKind.File) return Fail<FileRead>($"{displayPath} changed while read", out why);
        why = "";
        return new FileRead(text, before);
    }

    // Whether the memo's tree scans hold the file with this size and time (a linked file, hashed at every check, is not taken).
    private static bool StillRecorded(MemoFile memo, string fullPath, MemoStat stat) =>
        Locate(memo, fullPath, ScanMode.Tree, null) is var (recorded, at) && recorded.EntryAt(at) is var entry
        && !entry.IsFolder && entry.Ticks != -1 && entry.Ticks == stat.Ticks && entry.Length == stat.Length;

    // The scan that lists the file (a folder scan of mode <paramref name="tree"/>, or a one-file scan of mode
    // <paramref name="file"/>) and the file's entry in it; null when none does.
    private static (RecordedScan Scan, int Index)? Locate(MemoFile memo, string fullPath, ScanMode tree, ScanMode? file)
    {
        foreach (var recorded in memo.Scans)
        {
            var scan = recorded.Scan;
            string relative;
            if (scan.Mode == file && scan.Path == fullPath) relative = "";
            else if (scan.Mode == tree && fullPath.StartsWith(scan.Path + "/", StringComparison.Ordinal)) relative = fullPath[(scan.Path.Length + 1)..];
            else continue;
            if (recorded.IndexOf(relative) is >= 0 and var index) return (recorded, index);
        }
        return null;
    }

    private static int IndexOfMacroFile(DeltaProject project, string fullPath)
    {
        for (var i = 0; i < project.MacroFiles.Count; i++)
        {
            if (project.MacroFiles[i].FullPath == fullPath) return i;
        }
        return -1;
    }

    private static T? Fail<T>(string reason, out string why)
    {
        why = reason;
        return default;
    }

    private static int? Fail(string reason, out string why)
    {
        why = reason;
        return null;
    }

    // Which models the delta took (compile: rendered, with the compile cache trace's lines for them), and how many macro files it took.
    private void TraceDelta(IEnumerable<string> ids, int macroFiles)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        var macros = macroFiles > 0 ? $" (macro files: {macroFiles})" : "";
        _original.Error.WriteLine($"{_command} memo: delta: {(_command == "compile" ? "rendered" : "read")} {sorted.Count}{macros}");
        if (_command != "compile") return;
        foreach (var id in sorted) _original.Error.WriteLine($"compile cache: rendered {id}");
    }

    // The memo as the delta leaves things: the edited files with their new stamps and hashes, vouched for as the full
    // record does (Vouch: an edit too recent to vouch for leaves no memo, the next compile is a full one), the outputs
    // written (compiled files, manifest.json) with their stamps. Returns why no memo was written, or null.
    private string? Rerecord(MemoFile memo, List<EditRead> edits, List<WrittenOutput> outputs)
    {
        foreach (var (edit, text, stat) in edits)
        {
            // A file reached through a link keeps "no time" (-1): it is hashed at every check.
            var was = edit.Scan.EntryAt(edit.Index);
            var candidate = was with { Length = stat.Length, Ticks = was.Ticks == -1 ? -1 : stat.Ticks, Hash = "" };
            if (Vouch(edit.Scan.Scan, candidate, new Dictionary<string, SourceText> { [edit.FullPath] = text }) is not { } vouched)
                return $"{edit.FullPath} changed during the compile";
            edit.Scan.Set(edit.Index, vouched);
        }
        PhaseTimings.Step("edited files vouched for");
        foreach (var output in outputs)
        {
            if (!Restamp(memo, output)) return $"{output.FullPath} is not where the memo recorded outputs";
        }
        PhaseTimings.Step("outputs restamped");
        var updated = new MemoFile
        {
            Key = memo.Key,
            Environment = VariablesNow(memo.Environment),
            Scans = memo.Scans,
            Printed = memo.Printed,
            ExitCode = memo.ExitCode,
            DeltaGeneration = memo.DeltaGeneration,
        };
        return updated.Write(_memoPath!) ? null : "the target folder is not writable";
    }

    // The variables the memo recorded, with what this invocation read (its value now) in their place or added, by name.
    private IReadOnlyList<VariableRead> VariablesNow(IReadOnlyList<VariableRead> recorded)
    {
        var byName = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, fingerprint) in recorded) byName[name] = fingerprint;
        foreach (var (name, value) in _environment) byName[name] = Fingerprint(value);
        var names = new List<string>(byName.Keys);
        names.Sort(StringComparer.Ordinal);
        var variables = new List<VariableRead>(names.Count);
        foreach (var name in names) variables.Add(new VariableRead(name, byName[name]));
        return variables;
    }

    // The output entry for a file the delta wrote, given its stamp once written; false when no output scan holds it.
    private static bool Restamp(MemoFile memo, WrittenOutput output)
    {
        var (fullPath, stat) = (output.FullPath, output.Stat);
        if (stat.Kind != FileStampKind.File || Locate(memo, fullPath, ScanMode.OutputTree, ScanMode.OutputFile) is not var (recorded, index)) return false;
        recorded.Set(index, recorded.EntryAt(index) with { Length = stat.Length, Ticks = stat.Ticks });
        return true;
    }
}
