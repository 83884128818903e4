namespace ModelForge.Runner.Memo;

internal sealed partial class InvocationMemo
{
    // What differs from the memo (for the trace), or null when everything is as recorded but the files in
    // <paramref name="edits"/>: SQL files in the project's folders whose content changed (a delta compile may
    // render just those; null: none collected, any change is a difference).
    // <paramref name="refreshed"/>: a file's time changed but not its content (its entry now holds the new time).
    // <paramref name="proofs"/>: each scan's ScanProof.Differences as taken by the prefetch, or null (taken here).
    private string? Verify(MemoFile memo, List<ScanProof.Differing>?[]? proofs, out bool refreshed, List<Edit>? edits)
    {
        refreshed = false;
        if (memo.Key != _key) return "forge build, arguments or working folder differ";
        foreach (var (name, value) in memo.Environment)
        {
            if (Fingerprint(_original.GetEnvironmentVariable(name)) != value) return $"environment variable {name} differs";
        }
        var target = Path.GetDirectoryName(_memoPath)!;
        var touched = false;
        var listed = new List<string>();
        // Inputs first, outputs only when every input holds: an edit is found without listing the
        // compiled tree (19,383 files at 10,000 models). The stats are the prefetch's when it looked here (taken on
        // every core at process start), else taken here one scan at a time, each in parallel.
        foreach (var outputs in (bool[])[false, true])
        {
            for (var i = 0; i < memo.Scans.Count; i++)
            {
                var recorded = memo.Scans[i];
                if (IsOutput(recorded.Scan) != outputs) continue;
                if ((proofs is not null ? proofs[i] : ScanProof.Differences(recorded)) is { } differing)
                {
                    if (Recheck(recorded, differing, ref touched, edits) is { } changed) return changed;
                    continue;
                }
                listed.Add(recorded.Scan.Path);
                if (Check(recorded, target, _startedTicks, ref touched, edits) is { } change) return change;
            }
        }
        if (_trace && proofs is not null) _original.Error.WriteLine($"{_command} memo stats: taken at start");
        if (_trace) _original.Error.WriteLine($"{_command} memo check: {memo.Scans.Count - listed.Count} of {memo.Scans.Count} places unchanged without listing{(listed.Count > 0 ? "; listed " + string.Join(", ", listed) : "")}");
        refreshed = touched;
        return null;
    }

    internal static bool IsOutput(Scan scan) => scan.Mode is ScanMode.OutputTree or ScanMode.OutputFile;

    // The listing holds and only these files' stamps differ (stat'ed before they are read): their content
    // decides, as in Check; unchanged ones get their new stamps.
    private static string? Recheck(RecordedScan recorded, List<ScanProof.Differing> differing, ref bool touched, List<Edit>? edits)
    {
        if (differing.Count == 0) return null;
        var scan = recorded.Scan;
        // A few files at most (a list: HashSet<int>'s constructor is compiled at run time).
        var edited = new List<int>();
        foreach (var (index, _) in differing)
        {
            var was = recorded.EntryAt(index);
            var path = Scanner.FullPath(scan, was);
            if (scan.Hashed && was.Hash.Length > 0 && Scanner.Hash(path) == was.Hash) continue;
            if (!Edit.Collect(edits, recorded, index, path)) return $"{path} changed";
            edited.Add(index);
        }
        foreach (var (index, stat) in differing)
        {
            if (!edited.Contains(index)) recorded.Set(index, recorded.EntryAt(index) with { Length = stat.Length, Ticks = stat.Ticks });
        }
        touched = true;
        return null;
    }

    // What differs in one scan, or null, by listing it again; a touched file with the same content gets
    // its new time in the entry, a folder listed as recorded its new ctime (so the next check need not list it).
    private static string? Check(RecordedScan recorded, string target, long startedTicks, ref bool touched, List<Edit>? edits)
    {
        var scan = recorded.Scan;
        var entries = recorded.Entries;
        // The folder's ctime before its listing: a change in between leaves the recorded ctime behind.
        var folderTicks = Scanner.FolderTicks(scan, startedTicks);
        var now = Scanner.List(scan, target, startedTicks);
        if (now.Count != entries.Count) return $"{scan.Path}: files added or removed";
        for (var j = 0; j < now.Count; j++)
        {
            var (was, @is) = (entries[j], now[j]);
            if (was.Path != @is.Path || was.IsFolder != @is.IsFolder) return $"{scan.Path}: files added or removed";
            if (was.IsFolder)
            {
                if (was.Ticks == @is.Ticks) continue;
                entries[j] = was with { Ticks = @is.Ticks };
                touched = true;
                continue;
            }
            if (was.Ticks != -1 && was.Ticks == @is.Ticks && was.Length == @is.Length) continue;
            if (!scan.Hashed || was.Hash.Length == 0 || Scanner.Hash(Scanner.FullPath(scan, @is)) != was.Hash)
            {
                if (Edit.Collect(edits, recorded, j, Scanner.FullPath(scan, @is))) continue;
                return $"{Scanner.FullPath(scan, @is)} changed";
            }
            if (was.Ticks == -1) continue;
            entries[j] = was with { Length = @is.Length, Ticks = @is.Ticks };
            touched = true;
        }
        if (recorded.FolderTicks != folderTicks)
        {
            recorded.Refresh(folderTicks);
            touched = true;
        }
        return null;
    }
}
