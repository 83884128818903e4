using System.Text;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The cheap half of a memo check: proves a recorded scan's listing unchanged without listing a folder
/// or building a string per entry, and finds the files whose stamps differ. Each recorded entry is
/// stat'ed straight from the memo's bytes: a folder must have its recorded ctime, which moves with every
/// entry created, removed or renamed in it and cannot be set back; so when the scan's own folder and
/// every recorded subfolder keep theirs, a listing would give the recorded names. Null means "not
/// proven" (a folder changed or its ctime was too recent to trust, a file gone or of another kind, no
/// statx, too many files differ): the caller lists and compares as before, which decides.
/// </summary>
internal static class ScanProof
{
    // Entries per parallel chunk: ~2,000 stats, enough to pay for handing the chunk to a worker.
    private const int Chunk = 2048;
    private const int MaxPathBytes = 4096;

    // Past this many files that differ, listing is as cheap as looking at each: the full path decides.
    private const int MaxDiffering = 256;

    /// <summary>One file whose stamp differs from its entry (a link's is never known: always listed here).</summary>
    /// <remarks>A class: generic code over a struct of forge's is compiled at run time outside the self-contained form (no JIT on a hit).</remarks>
    public sealed record Differing(int Index, MemoStat Stat);

    /// <summary>
    /// The entries of <paramref name="recorded"/> that are files whose size or time differ (by index, sorted, with
    /// the stat taken now), empty when everything is as recorded, or null when the listing is not proven.
    /// </summary>
    public static List<Differing>? Differences(RecordedScan recorded)
    {
        if (!recorded.IsEncoded || !MemoStat.KnowsChangeTimes) return null;
        var scan = recorded.Scan;
        if (scan.Mode is ScanMode.File or ScanMode.OutputFile or ScanMode.DatabaseFile) return OneFile(recorded);
        var folder = MemoStat.Of(scan.Path);
        // A folder that is not there (none of the configured snapshots/, analyses/...) lists as nothing.
        if (recorded.Count == 0 && recorded.FolderTicks == 0) return folder.Kind is FileStampKind.Missing or FileStampKind.File ? [] : null;
        if (recorded.FolderTicks == 0 || folder.Kind != FileStampKind.Folder || folder.ChangeTicks != recorded.FolderTicks) return null;

        var tree = scan.Mode is ScanMode.Tree or ScanMode.OutputTree;
        var root = Encoding.UTF8.GetBytes(scan.Path);
        var separator = root.Length > 0 && root[^1] == (byte)'/' ? 0 : 1;
        if (root.Length + 1 >= MaxPathBytes) return null;
        var offsets = recorded.Offsets;
        var encoded = recorded.Encoded;
        var count = recorded.Count;
        var chunks = (count + Chunk - 1) / Chunk;
        var unproven = 0;
        var found = 0;
        // Each chunk's files in order: joined in chunk order, they come sorted by index.
        var differing = new List<Differing>?[chunks];
        void Check(int chunk)
        {
            Span<byte> path = stackalloc byte[MaxPathBytes];
            root.CopyTo(path);
            if (separator == 1) path[root.Length] = (byte)'/';
            var bytes = encoded.Span;
            var end = Math.Min(count, (chunk + 1) * Chunk);
            for (var i = chunk * Chunk; i < end && Volatile.Read(ref unproven) == 0; i++)
            {
                var stat = Stat(bytes[offsets[i]..offsets[i + 1]], path, root.Length + separator, tree, out var holds);
                if (holds) continue;
                if (stat is null || Interlocked.Increment(ref found) > MaxDiffering) Volatile.Write(ref unproven, 1);
                else (differing[chunk] ??= []).Add(new Differing(i, stat.Value));
            }
        }
        if (chunks <= 1) Check(0);
        else Parallel.For(0, chunks, Check);
        if (unproven != 0) return null;
        var all = new List<Differing>();
        foreach (var chunk in differing)
        {
            if (chunk is not null) all.AddRange(chunk);
        }
        return all;
    }

    private static List<Differing>? OneFile(RecordedScan recorded)
    {
        // Recorded absent (or a folder, which a one-file scan lists as nothing): still so. Else the one file.
        var stat = MemoStat.Of(recorded.Scan.Path);
        if (recorded.Count == 0) return stat.Kind is FileStampKind.Missing or FileStampKind.Folder ? [] : null;
        var entry = recorded.Encoded.Span;
        if (recorded.Count != 1 || RecordedScan.PathOf(entry).Length != 0) return null;
        var (folder, length, ticks) = RecordedScan.StampOf(entry);
        if (folder || ticks == -1 || stat.Kind != FileStampKind.File) return null;
        return stat.Length == length && stat.Ticks == ticks ? [] : [new Differing(0, stat)];
    }

    // The entry's stat now, holds = true when it is as recorded; null (not proven) for a folder whose
    // ctime differs or was not trusted, anything gone or of another kind, a link, a path too long.
    // `path` holds the scan's folder and a separator up to `prefix`.
    private static MemoStat? Stat(ReadOnlySpan<byte> entry, Span<byte> path, int prefix, bool tree, out bool holds)
    {
        holds = false;
        var relative = RecordedScan.PathOf(entry);
        var (folder, size, ticks) = RecordedScan.StampOf(entry);
        // A link's time (-1) proves nothing of its target; an untrusted folder time (0) nothing of its listing.
        if (ticks == -1 || (folder && tree && ticks == 0)) return null;
        var used = prefix + relative.Length;
        if (relative.Length == 0 || used >= path.Length) return null;
        relative.CopyTo(path[prefix..]);
        path[used] = 0;
        if (MemoStat.Of(path[..(used + 1)]) is not { } stat) return null;
        if (folder)
        {
            holds = stat.Kind == FileStampKind.Folder && (!tree || stat.ChangeTicks == ticks);
            return holds ? stat : null;
        }
        if (stat.Kind != FileStampKind.File) return null;
        holds = stat.Length == size && stat.Ticks == ticks;
        return stat;
    }
}
