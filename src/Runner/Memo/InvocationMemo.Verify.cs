namespace ModelForge.Runner.Memo;

internal sealed partial class InvocationMemo
{
    // What differs from the memo (for the trace), or null when everything is as recorded.
    // <paramref name="refreshed"/>: a file's time changed but not its content (its entry now holds the new time).
    private string? Verify(MemoFile memo, out bool refreshed)
    {
        refreshed = false;
        if (memo.Key != _key) return "forge build, arguments or working folder differ";
        foreach (var (name, value) in memo.Environment)
        {
            if (Fingerprint(_original.GetEnvironmentVariable(name)) != value) return $"environment variable {name} differs";
        }
        var target = Path.GetDirectoryName(_memoPath)!;
        var changes = new string?[memo.Scans.Count];
        var touched = new bool[memo.Scans.Count];
        Parallel.For(0, memo.Scans.Count, i =>
        {
            var (scan, entries) = memo.Scans[i];
            var now = Scanner.List(scan, target);
            if (now.Count != entries.Count)
            {
                changes[i] = $"{scan.Path}: files added or removed";
                return;
            }
            for (var j = 0; j < now.Count; j++)
            {
                var (was, @is) = (entries[j], now[j]);
                if (was.Path != @is.Path || was.IsFolder != @is.IsFolder)
                {
                    changes[i] = $"{scan.Path}: files added or removed";
                    return;
                }
                if (was.IsFolder || (was.Ticks != -1 && was.Ticks == @is.Ticks && was.Length == @is.Length)) continue;
                if (!scan.Hashed || was.Hash.Length == 0 || Scanner.Hash(Scanner.FullPath(scan, @is)) != was.Hash)
                {
                    changes[i] = $"{Scanner.FullPath(scan, @is)} changed";
                    return;
                }
                if (was.Ticks == -1) continue;
                entries[j] = was with { Length = @is.Length, Ticks = @is.Ticks };
                touched[i] = true;
            }
        });
        if (changes.FirstOrDefault(c => c is not null) is { } change) return change;
        refreshed = touched.Any(t => t);
        return null;
    }
}
