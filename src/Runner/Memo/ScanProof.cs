using System.Buffers.Binary;
using System.Text;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The cheap half of a memo check: proves a recorded scan unchanged without listing a folder or
/// building a string per entry. Each recorded entry is stat'ed straight from the memo's bytes: a file
/// must have its recorded size and write time, a folder its recorded ctime. A folder's ctime moves
/// with every entry created, removed or renamed in it and cannot be set back, so when the scan's own
/// folder and every recorded subfolder keep theirs, a listing would give the recorded entries. False
/// means "not proven" (a stamp differs, a ctime was too recent to trust, a link, no statx): the caller
/// lists and compares as before, which decides.
/// </summary>
internal static class ScanProof
{
    // Entries per parallel chunk: ~2,000 stats, enough to pay for handing the chunk to a worker.
    private const int Chunk = 2048;
    private const int MaxPathBytes = 4096;

    public static bool Unchanged(RecordedScan recorded)
    {
        if (!recorded.IsEncoded || !MemoStat.KnowsChangeTimes) return false;
        var scan = recorded.Scan;
        var single = scan.Mode is ScanMode.File or ScanMode.OutputFile or ScanMode.DatabaseFile;
        if (!single)
        {
            var folder = MemoStat.Of(scan.Path);
            // A folder that is not there (none of the configured snapshots/, analyses/...) lists as nothing.
            if (recorded.Count == 0 && recorded.FolderTicks == 0) return folder.Kind is FileStampKind.Missing or FileStampKind.File;
            if (recorded.FolderTicks == 0 || folder.Kind != FileStampKind.Folder || folder.ChangeTicks != recorded.FolderTicks) return false;
        }
        else
        {
            // Recorded absent (or a folder, which a one-file scan lists as nothing): still so. Else the one file, as recorded.
            var stat = MemoStat.Of(scan.Path);
            if (recorded.Count == 0) return stat.Kind is FileStampKind.Missing or FileStampKind.Folder;
            var entry = recorded.Encoded.Span;
            if (recorded.Count != 1 || BinaryPrimitives.ReadUInt16LittleEndian(entry) != 0 || (entry[2] & RecordedScan.FlagFolder) != 0) return false;
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(entry[11..]);
            return ticks != -1 && stat.Kind == FileStampKind.File && stat.Length == BinaryPrimitives.ReadInt64LittleEndian(entry[3..]) && stat.Ticks == ticks;
        }
        var tree = scan.Mode is ScanMode.Tree or ScanMode.OutputTree;
        // Not a one-file scan from here: the folder holds and each entry is a path below it.
        var root = Encoding.UTF8.GetBytes(scan.Path);
        var separator = root.Length > 0 && root[^1] == (byte)'/' ? 0 : 1;
        if (root.Length + 1 >= MaxPathBytes) return false;
        var offsets = recorded.Offsets;
        var encoded = recorded.Encoded;
        var count = recorded.Count;
        var chunks = (count + Chunk - 1) / Chunk;
        var changed = 0;
        void Check(int chunk)
        {
            Span<byte> path = stackalloc byte[MaxPathBytes];
            root.CopyTo(path);
            if (separator == 1) path[root.Length] = (byte)'/';
            var bytes = encoded.Span;
            var end = Math.Min(count, (chunk + 1) * Chunk);
            for (var i = chunk * Chunk; i < end && Volatile.Read(ref changed) == 0; i++)
            {
                if (!Holds(bytes[offsets[i]..offsets[i + 1]], path, root.Length + separator, tree)) Volatile.Write(ref changed, 1);
            }
        }
        if (chunks == 1) Check(0);
        else Parallel.For(0, chunks, Check);
        return changed == 0;
    }

    // Whether one entry stats as recorded; path holds the scan's folder and a separator up to `prefix`.
    private static bool Holds(ReadOnlySpan<byte> entry, Span<byte> path, int prefix, bool tree)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(entry);
        var rest = entry[(2 + length)..];
        var folder = (rest[0] & RecordedScan.FlagFolder) != 0;
        var size = BinaryPrimitives.ReadInt64LittleEndian(rest[1..]);
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(rest[9..]);
        // A link's time (-1) proves nothing of its target; an untrusted folder time (0) nothing of its listing.
        if (ticks == -1 || (folder && tree && ticks == 0)) return false;
        var used = prefix + length;
        if (length == 0 || used >= path.Length) return false;
        entry.Slice(2, length).CopyTo(path[prefix..]);
        path[used] = 0;
        if (MemoStat.Of(path[..(used + 1)]) is not { } stat) return false;
        if (folder) return stat.Kind == FileStampKind.Folder && (!tree || stat.ChangeTicks == ticks);
        return stat.Kind == FileStampKind.File && stat.Length == size && stat.Ticks == ticks;
    }
}
