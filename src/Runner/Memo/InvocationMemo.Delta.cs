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
    /// `forge compile` after edits of model files alone (everything else as the memo recorded it): each edited
    /// model is rendered from the compile's <see cref="DeltaSnapshot"/>, its compiled file written, manifest.json
    /// patched in place of a rebuild, and the memo updated to match. Returns the exit code, or null with
    /// <paramref name="why"/> when anything cannot be vouched for (then the full compile runs, having touched nothing
    /// but, possibly, compiled files it rewrites itself).
    /// </summary>
    private int? TryDelta(MemoFile memo, List<Edit> edits, out string why)
    {
        why = "";
        if (_command != "compile" || memo.DeltaGeneration.Length == 0) return Fail("no compile delta recorded", out why);
        if (memo.ExitCode != ExitCodes.Success || memo.Printed.Any(p => p.Error)) return Fail("the last compile printed diagnostics", out why);
        var target = Path.GetDirectoryName(_memoPath)!;
        var snapshot = DeltaSnapshot.Read(Path.Combine(target, DeltaSnapshot.FileName));
        if (snapshot is null || snapshot.Generation != memo.DeltaGeneration) return Fail("the compile delta is not the memo's", out why);
        var index = ManifestIndex.TryRead(target);
        if (index is null) return Fail("manifest.json cannot be patched", out why);
        PhaseTimings.Mark("read compile delta");

        var renderer = new DeltaRenderer(snapshot, Read);
        var rendered = new List<(Edit Edit, DeltaRenderer.Rendered Result, SourceText Text, MemoStat Stat)>();
        foreach (var edit in edits)
        {
            if (snapshot.ModelAt(edit.FullPath) is not { } model) return Fail($"{edit.FullPath} is not a model the last compile rendered from its text", out why);
            var before = MemoStat.Of(edit.FullPath);
            var diagnostics = new DiagnosticBag();
            if (SourceFileReader.Read(edit.FullPath, model.Path, diagnostics) is not { } text || diagnostics.HasErrors) return Fail($"{model.Path} does not read cleanly", out why);
            if (MemoStat.Of(edit.FullPath) != before || before.Kind != FileStampKind.File) return Fail($"{model.Path} changed while read", out why);
            if (renderer.TryRender(model, text, out why) is not { } result) return null;
            rendered.Add((edit, result, text, before));
        }
        PhaseTimings.Mark("delta render");

        var root = snapshot.Project.ProjectRoot;
        var written = new List<(string RelativeToTarget, MemoStat Stat)>();
        foreach (var (_, result, _, _) in rendered)
        {
            var code = Encoding.UTF8.GetBytes(result.Sql);
            if (ArtifactFiles.TryWrite(root, result.Model.CompiledPath, code, out _) is not null) return Fail($"{result.Model.CompiledPath} is not writable", out why);
        }
        var patches = rendered.Select(r => new NodePatch(r.Result.Model.UniqueId, r.Text.Text, r.Text.Sha256, r.Result.Sql, r.Result.Model.CompiledPath)).ToList();
        if (!ManifestPatch.TryApply(target, index, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, patches))
            return Fail("manifest.json could not be patched", out why);
        PhaseTimings.Mark("write compiled files + patch manifest");

        if (_trace) TraceDelta(rendered.Select(r => r.Result.Model.UniqueId));
        var unrecorded = Rerecord(memo, target, rendered.Select(r => (r.Edit, r.Text, r.Stat)).ToList(), rendered.Select(r => r.Result.Model.CompiledPath).ToList(), root);
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

    // The lines the compile cache's trace prints after a full compile that rendered these nodes alone.
    private void TraceDelta(IEnumerable<string> ids)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        _original.Error.WriteLine($"{_command} memo: delta: rendered {sorted.Count}");
        foreach (var id in sorted) _original.Error.WriteLine($"compile cache: rendered {id}");
    }

    // The memo as the delta leaves things: the edited files with their new stamps and hashes, the compiled files
    // and manifest.json with theirs. An edit too recent to vouch for (it may change again within the clock's
    // resolution) leaves no memo: the next compile is a full one. Returns why no memo was written, or null.
    private string? Rerecord(MemoFile memo, string target, List<(Edit Edit, SourceText Text, MemoStat Stat)> edits, List<string> compiledPaths, string root)
    {
        foreach (var (edit, text, stat) in edits)
        {
            if (stat.Ticks >= _startedTicks - RacyWindowFor(stat.Ticks).Ticks) return $"{edit.FullPath} changed during the compile";
            var hash = Encoding.UTF8.GetByteCount(text.Text) == stat.Length ? text.Sha256[..32] : Scanner.Hash(edit.FullPath);
            // A file reached through a link keeps "no time" (-1): it is hashed at every check.
            var was = edit.Scan.EntryAt(edit.Index);
            edit.Scan.Set(edit.Index, was with { Length = stat.Length, Ticks = was.Ticks == -1 ? -1 : stat.Ticks, Hash = hash });
        }
        var outputs = compiledPaths.Select(p => Path.GetFullPath(Path.Combine(root, p))).Append(Path.Combine(target, "manifest.json"));
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
            var path = Encoding.UTF8.GetBytes(relative);
            for (var i = 0; i < recorded.Count; i++)
            {
                if (!recorded.IsEncoded ? recorded.Entries[i].Path != relative : !RecordedScan.PathOf(recorded.Encoded.Span[recorded.Offsets[i]..]).SequenceEqual(path)) continue;
                recorded.Set(i, recorded.EntryAt(i) with { Length = stat.Length, Ticks = stat.Ticks });
                return true;
            }
            return false;
        }
        return false;
    }
}
