using System.Text;
using ModelForge.Compiler.Compilation;
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
        var proof = Begin(recorded);
        if (proof.Chunks > 1) ParallelLoop.For(proof.Chunks, proof.Check, alone: 2);
        else if (proof.Chunks == 1) proof.Check(0);
        return proof.Result();
    }

    /// <summary>
    /// A scan's proof to be taken chunk by chunk (<see cref="Pending.Check"/>, each once, from any thread), then read
    /// (<see cref="Pending.Result"/>): what <see cref="Differences"/> does on the pool, for a caller sharing chunks of
    /// many scans among its own threads.
    /// </summary>
    public static Pending Begin(RecordedScan recorded)
    {
        if (!recorded.IsEncoded || !MemoStat.KnowsChangeTimes) return Pending.Decided(null);
        var scan = recorded.Scan;
        if (scan.Mode is ScanMode.File or ScanMode.OutputFile or ScanMode.DatabaseFile) return Pending.Decided(OneFile(recorded));
        var folder = MemoStat.Of(scan.Path);
        // A folder that is not there (none of the configured snapshots/, analyses/...) lists as nothing.
        if (recorded.Count == 0 && recorded.FolderTicks == 0) return Pending.Decided(folder.Kind is FileStampKind.Missing or FileStampKind.File ? [] : null);
        if (recorded.FolderTicks == 0 || folder.Kind != FileStampKind.Folder || folder.ChangeTicks != recorded.FolderTicks) return Pending.Decided(null);
        var root = Encoding.UTF8.GetBytes(scan.Path);
        return root.Length + 1 >= MaxPathBytes ? Pending.Decided(null) : new Pending(recorded, root);
    }

    /// <summary>One scan's proof under way: its chunks of ~2,000 stats, and what they found.</summary>
    public sealed class Pending
    {
        private readonly RecordedScan? _recorded;
        private readonly byte[] _root = [];
        private readonly List<Differing>? _decided;
        private readonly List<Differing>?[] _differing = [];
        private int _unproven;
        private int _found;
        // The root folder's descriptor, opened by the first chunk (Unopened until then; -1: could not, paths are absolute).
        private int _folder = Unopened;
        private const int Unopened = int.MinValue;

        private Pending(List<Differing>? decided) => _decided = decided;

        internal Pending(RecordedScan recorded, byte[] root)
        {
            _recorded = recorded;
            _root = root;
            Chunks = (recorded.Count + Chunk - 1) / Chunk;
            // Each chunk's files in order: joined in chunk order, they come sorted by index.
            _differing = new List<Differing>?[Chunks];
        }

        internal static Pending Decided(List<Differing>? result) => new(result);

        /// <summary>How many chunks are to be checked (0: decided without a stat per entry).</summary>
        public int Chunks { get; }

        public void Check(int chunk)
        {
            var recorded = _recorded!;
            var tree = recorded.Scan.Mode is ScanMode.Tree or ScanMode.OutputTree;
            // Entries' paths relative to the root's descriptor, or after the root's path when it could not be opened.
            var folder = Folder();
            var separator = _root.Length > 0 && _root[^1] == (byte)'/' ? 0 : 1;
            var prefix = folder >= 0 ? 0 : _root.Length + separator;
            Span<byte> path = stackalloc byte[MaxPathBytes];
            if (folder < 0)
            {
                _root.AsSpan().CopyTo(path);
                if (separator == 1) path[_root.Length] = (byte)'/';
            }
            var bytes = recorded.Encoded.Span;
            var offsets = recorded.Offsets;
            var end = Math.Min(recorded.Count, (chunk + 1) * Chunk);
            for (var i = chunk * Chunk; i < end && Volatile.Read(ref _unproven) == 0; i++)
            {
                var stat = Stat(bytes[offsets[i]..offsets[i + 1]], path, prefix, tree, out var holds, folder >= 0 ? folder : LinuxStat.CurrentFolder);
                if (holds) continue;
                if (stat is null || Interlocked.Increment(ref _found) > MaxDiffering) Volatile.Write(ref _unproven, 1);
                else (_differing[chunk] ??= []).Add(new Differing(i, stat.GetValueOrDefault()));
            }
        }

        /// <summary>Whether a chunk checked so far found an entry whose stat differs.</summary>
        public bool FoundAny => Volatile.Read(ref _found) > 0;

        /// <summary>Whether the scan is known already not to be proven (its folder changed: a file was created, removed or
        /// renamed in it, as an editor that saves through a temporary file does): the listing decides.</summary>
        public bool Unproven => _recorded is null ? _decided is null : Volatile.Read(ref _unproven) != 0;

        /// <summary>Gives the proof up (a chunk could not be checked): the caller lists the scan, which decides.</summary>
        public void Unprove() => Volatile.Write(ref _unproven, 1);

        // The root's descriptor, opened once (a racing second open is closed again).
        private int Folder()
        {
            if (Volatile.Read(ref _folder) is var known && known != Unopened) return known;
            var root = new byte[_root.Length + 1];
            _root.CopyTo(root, 0);
            var opened = LinuxStat.OpenFolder(root);
            if (Interlocked.CompareExchange(ref _folder, opened, Unopened) is var first && first != Unopened)
            {
                LinuxStat.CloseFolder(opened);
                return first;
            }
            return opened;
        }

        /// <summary>Once every chunk is checked: what <see cref="Differences"/> returns (the root's descriptor is closed then).</summary>
        public List<Differing>? Result()
        {
            if (_recorded is null) return _decided;
            LinuxStat.CloseFolder(Interlocked.Exchange(ref _folder, -1));
            if (_unproven != 0) return null;
            var all = new List<Differing>();
            foreach (var chunk in _differing)
            {
                if (chunk is not null) all.AddRange(chunk);
            }
            return all;
        }
    }

    private static List<Differing>? OneFile(RecordedScan recorded)
    {
        // Recorded absent (or a folder, which a one-file scan lists as nothing): still so. Else the one file.
        var stat = MemoStat.Of(recorded.Scan.Path);
        if (recorded.Count == 0) return stat.Kind is FileStampKind.Missing or FileStampKind.Folder ? [] : null;
        var entry = recorded.Encoded.Span;
        if (recorded.Count != 1 || RecordedScan.PathOf(entry).Length != 0) return null;
        var folder = RecordedScan.StampOf(entry, out var length, out var ticks);
        if (folder || ticks == -1 || stat.Kind != FileStampKind.File) return null;
        return stat.Length == length && stat.Ticks == ticks ? [] : [new Differing(0, stat)];
    }

    // The entry's stat now, holds = true when it is as recorded; null (not proven) for a folder whose
    // ctime differs or was not trusted, anything gone or of another kind, a link, a path too long.
    // `path` holds the scan's folder and a separator up to `prefix`, or nothing (prefix 0) when `descriptor` is the folder's.
    private static MemoStat? Stat(ReadOnlySpan<byte> entry, Span<byte> path, int prefix, bool tree, out bool holds, int descriptor)
    {
        holds = false;
        var relative = RecordedScan.PathOf(entry);
        var folder = RecordedScan.StampOf(entry, out var size, out var ticks);
        // A link's time (-1) proves nothing of its target; an untrusted folder time (0) nothing of its listing.
        if (ticks == -1 || (folder && tree && ticks == 0)) return null;
        var used = prefix + relative.Length;
        if (relative.Length == 0 || used >= path.Length) return null;
        relative.CopyTo(path[prefix..]);
        path[used] = 0;
        if (MemoStat.Of(path[..(used + 1)], descriptor) is not { } stat) return null;
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
