using System.Text;
using ModelForge.Compiler.Artifacts;
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

    private int? Delta(MemoFile memo, List<Edit> edits, out string why)
    {
        why = "";
        if (memo.DeltaGeneration.Length == 0) return Fail($"no {_command} delta recorded", out why);
        if (memo.ExitCode != ExitCodes.Success || memo.Printed.Any(p => p.Error)) return Fail($"the last {_command} printed diagnostics", out why);
        var target = Path.GetDirectoryName(_memoPath)!;
        var snapshot = DeltaSnapshot.Read(Path.Combine(target, DeltaSnapshot.FileNameFor(_command)));
        if (snapshot is null || snapshot.Generation != memo.DeltaGeneration) return Fail($"the {_command} delta is not the memo's", out why);
        var writesManifest = _command is "compile" or "parse";
        var index = writesManifest ? ManifestIndex.TryRead(target) : null;
        if (writesManifest && index is null) return Fail("manifest.json cannot be patched", out why);
        PhaseTimings.Mark("read delta");

        var renderer = new DeltaRenderer(snapshot, Read);
        var changed = new List<(Edit Edit, DeltaModel Model, SourceText Text, MemoStat Stat, string? Sql)>();
        foreach (var edit in edits)
        {
            if (snapshot.ModelAt(edit.FullPath) is not { } model) return Fail($"{edit.FullPath} is not a model the last {_command} read from its text", out why);
            var before = MemoStat.Of(edit.FullPath);
            var diagnostics = new DiagnosticBag();
            if (SourceFileReader.Read(edit.FullPath, model.Path, diagnostics) is not { } text || diagnostics.HasErrors) return Fail($"{model.Path} does not read cleanly", out why);
            if (MemoStat.Of(edit.FullPath) != before || before.Kind != FileStampKind.File) return Fail($"{model.Path} changed while read", out why);
            string? sql = null;
            if (_command == "compile")
            {
                if (renderer.TryRender(model, text, out why) is not { } rendered) return null;
                sql = rendered.Sql;
            }
            else if (renderer.TryCheck(model, text, out why) is null) return null;
            changed.Add((edit, model, text, before, sql));
        }
        PhaseTimings.Mark("delta parse + render");

        var root = snapshot.Project.ProjectRoot;
        var outputs = new List<string>();
        foreach (var (_, model, _, _, sql) in changed)
        {
            if (sql is null) continue;
            if (ArtifactFiles.TryWrite(root, model.CompiledPath, Encoding.UTF8.GetBytes(sql), out _) is not null) return Fail($"{model.CompiledPath} is not writable", out why);
            outputs.Add(Path.GetFullPath(Path.Combine(root, model.CompiledPath)));
        }
        if (index is not null)
        {
            var patches = changed.Select(c => new NodePatch(c.Model.UniqueId, c.Text.Text, c.Text.Sha256, c.Sql, c.Sql is null ? null : c.Model.CompiledPath)).ToList();
            if (!ManifestPatch.TryApply(target, index, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, patches))
                return Fail("manifest.json could not be patched", out why);
            outputs.Add(Path.Combine(target, "manifest.json"));
        }
        PhaseTimings.Mark("write outputs");

        if (_trace) TraceDelta(changed.Select(c => c.Model.UniqueId));
        var unrecorded = Rerecord(memo, changed.Select(c => (c.Edit, c.Text, c.Stat)).ToList(), outputs);
        if (unrecorded is not null) MemoFile.Delete(_memoPath!);
        if (_trace) _original.Error.WriteLine(unrecorded is null ? $"{_command} memo: written" : $"{_command} memo: not written: {unrecorded}");
        PhaseTimings.Mark("record memo");
        foreach (var (error, text) in memo.Printed) (error ? _original.Error : _original.Output).Write(text);
        return memo.ExitCode;
    }

    private static int? Fail(string reason, out string why)
    {
        why = reason;
        return null;
    }

    // Which models the delta took (compile: rendered, with the compile cache trace's lines for them).
    private void TraceDelta(IEnumerable<string> ids)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        _original.Error.WriteLine($"{_command} memo: delta: {(_command == "compile" ? "rendered" : "read")} {sorted.Count}");
        if (_command != "compile") return;
        foreach (var id in sorted) _original.Error.WriteLine($"compile cache: rendered {id}");
    }

    // The memo as the delta leaves things: the edited files with their new stamps and hashes, vouched for as the full
    // record does (Vouch: an edit too recent to vouch for leaves no memo, the next compile is a full one), the outputs
    // written (compiled files, manifest.json) with their stamps. Returns why no memo was written, or null.
    private string? Rerecord(MemoFile memo, List<(Edit Edit, SourceText Text, MemoStat Stat)> edits, List<string> outputs)
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
        foreach (var output in outputs)
        {
            if (!Restamp(memo, output)) return $"{output} is not where the memo recorded outputs";
        }
        var environment = memo.Environment.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (name, value) in _environment) environment[name] = Fingerprint(value);
        var updated = new MemoFile
        {
            Key = memo.Key,
            Environment = environment.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            Scans = memo.Scans,
            Printed = memo.Printed,
            ExitCode = memo.ExitCode,
            DeltaGeneration = memo.DeltaGeneration,
        };
        return updated.Write(_memoPath!) ? null : "the target folder is not writable";
    }

    // The output entry for a file the delta wrote, given its stamp now; false when no output scan holds it.
    private static bool Restamp(MemoFile memo, string fullPath)
    {
        var stat = MemoStat.Of(fullPath);
        if (stat.Kind != FileStampKind.File) return false;
        foreach (var recorded in memo.Scans)
        {
            var scan = recorded.Scan;
            string relative;
            if (scan.Mode == ScanMode.OutputFile && scan.Path == fullPath) relative = "";
            else if (scan.Mode == ScanMode.OutputTree && fullPath.StartsWith(scan.Path + "/", StringComparison.Ordinal)) relative = fullPath[(scan.Path.Length + 1)..];
            else continue;
            if (recorded.IndexOf(relative) is not (>= 0 and var index)) return false;
            recorded.Set(index, recorded.EntryAt(index) with { Length = stat.Length, Ticks = stat.Ticks });
            return true;
        }
        return false;
    }
}
