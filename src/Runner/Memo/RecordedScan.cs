using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using ModelForge.Compiler.Caching;

namespace ModelForge.Runner.Memo;

/// <summary>
/// One <see cref="Scan"/> as the memo holds it: the ctime of its folder (<see cref="FolderTicks"/>) and
/// its entries. A memo read from disk keeps each scan's entries as the bytes of the file's one read
/// (<see cref="Encoded"/>) and decodes them into <see cref="ScanEntry"/> values only when a check
/// falls back to listing: the "nothing changed" path builds no string per entry.
/// </summary>
internal sealed class RecordedScan
{
    // An entry: path length (UInt16), path (UTF-8, '/'-separated, relative), flags, length, ticks, then
    // the hash's 16 bytes when FlagHash is set.
    public const byte FlagFolder = 1, FlagHash = 2;
    private const int HashBytes = 16;
    // After the flags byte: length at +1, ticks at +9, the hash (when flagged) at +17.
    private const int LengthAt = 1, TicksAt = 9, HashAt = 17;

    private List<ScanEntry>? _entries;
    private int[]? _offsets;
    private bool _ownsBytes;

    private RecordedScan(Scan scan, long folderTicks, int count, ReadOnlyMemory<byte> encoded, List<ScanEntry>? entries)
    {
        Scan = scan;
        FolderTicks = folderTicks;
        Count = count;
        Encoded = encoded;
        _entries = entries;
    }

    public Scan Scan { get; }

    /// <summary>
    /// The ctime of the scan's folder when recorded, 0 when unknown or too recent to prove anything
    /// (<see cref="Scanner.TrustedChangeTicks"/>). Outside tree scans, 0.
    /// </summary>
    public long FolderTicks { get; private set; }

    public int Count { get; }

    /// <summary>Whether the entries are still as read from the memo (not yet decoded into values).</summary>
    public bool IsEncoded => _entries is null;

    /// <summary>The entries as stored (empty once <see cref="Entries"/> has decoded them).</summary>
    public ReadOnlyMemory<byte> Encoded { get; private set; }

    /// <summary>The entries as values, decoded on first use (then changes to them are what is written).</summary>
    public List<ScanEntry> Entries => _entries ??= Decode();

    public static RecordedScan FromEntries(Scan scan, long folderTicks, List<ScanEntry> entries) => new(scan, folderTicks, entries.Count, default, entries);

    /// <summary>A scan read from a memo; a FormatException when the bytes do not hold <paramref name="count"/> entries exactly.</summary>
    public static RecordedScan FromEncoded(Scan scan, long folderTicks, int count, ReadOnlyMemory<byte> encoded)
    {
        var recorded = new RecordedScan(scan, folderTicks, count, encoded, null);
        recorded._offsets = OffsetsOf(encoded.Span, count);
        return recorded;
    }

    /// <summary>The folder's ctime as seen by a check that listed it again and found it as recorded.</summary>
    public void Refresh(long folderTicks) => FolderTicks = folderTicks;

    public void WriteEntries(BinaryWriter writer)
    {
        if (_entries is null)
        {
            writer.Write(Encoded.Length);
            writer.Write(Encoded.Span);
            return;
        }
        // Measured first, then encoded straight to the writer: no stream of the whole scan to grow and copy (19,383
        // entries at 10,000 models: ~6 MB of buffers).
        Span<byte> hash = stackalloc byte[HashBytes];
        var size = 0;
        foreach (var entry in _entries)
            size = checked(size + 2 + Encoding.UTF8.GetByteCount(entry.Path) + 1 + 8 + 8 + (TryHashBytes(entry.Hash, hash) ? HashBytes : 0));
        writer.Write(size);
        var path = new byte[256];
        foreach (var entry in _entries)
        {
            if (Encoding.UTF8.GetMaxByteCount(entry.Path.Length) is var most && most > path.Length) path = new byte[most];
            var length = Encoding.UTF8.GetBytes(entry.Path, path);
            writer.Write(checked((ushort)length));
            writer.Write(path.AsSpan(0, length));
            var hashed = TryHashBytes(entry.Hash, hash);
            writer.Write((byte)((entry.IsFolder ? FlagFolder : 0) | (hashed ? FlagHash : 0)));
            writer.Write(entry.Length);
            writer.Write(entry.Ticks);
            if (hashed) writer.Write(hash);
        }
    }

    /// <summary>Where each entry starts in <see cref="Encoded"/>, and where the last ends (at [Count]).</summary>
    public int[] Offsets => _offsets ?? throw new InvalidOperationException("entries not encoded");

    private static int[] OffsetsOf(ReadOnlySpan<byte> bytes, int count)
    {
        var offsets = new int[count + 1];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            offsets[i] = at;
            if (at + 2 > bytes.Length) throw new FormatException("memo entries cut short");
            var pathLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
            var flagsAt = at + 2 + pathLength;
            if (flagsAt + HashAt > bytes.Length) throw new FormatException("memo entries cut short");
            at = flagsAt + HashAt + ((bytes[flagsAt] & FlagHash) != 0 ? HashBytes : 0);
        }
        if (at != bytes.Length) throw new FormatException("memo entries of unexpected length");
        offsets[count] = at;
        return offsets;
    }

    /// <summary>
    /// Replaces one entry (the same path, with new stamps or hash): in the stored bytes when it keeps their
    /// layout (a copy of them is made once, the memo's read stays as read), else in the decoded entries.
    /// </summary>
    public void Set(int index, ScanEntry entry)
    {
        if (_entries is not null)
        {
            _entries[index] = entry;
            return;
        }
        var at = Offsets[index];
        var flagsAt = at + 2 + BinaryPrimitives.ReadUInt16LittleEndian(Encoded.Span[at..]);
        var flags = Encoded.Span[flagsAt];
        Span<byte> hash = stackalloc byte[HashBytes];
        var hashed = TryHashBytes(entry.Hash, hash);
        if (((flags & FlagHash) != 0) != hashed || ((flags & FlagFolder) != 0) != entry.IsFolder)
        {
            Entries[index] = entry;
            return;
        }
        if (!_ownsBytes)
        {
            Encoded = Encoded.ToArray();
            _ownsBytes = true;
        }
        var bytes = MemoryMarshal.AsMemory(Encoded).Span;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[(flagsAt + LengthAt)..], entry.Length);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[(flagsAt + TicksAt)..], entry.Ticks);
        if (hashed) hash.CopyTo(bytes[(flagsAt + HashAt)..]);
    }

    // A recorded hash (32 hex digits) as its 16 bytes; false for none (a folder, a file not hashed).
    private static bool TryHashBytes(string hex, Span<byte> bytes) =>
        bytes.Length == HashBytes && Hex.TryDecode(hex, bytes);

    /// <summary>An encoded entry's path (UTF-8, relative; empty for a one-file scan's file).</summary>
    public static ReadOnlySpan<byte> PathOf(ReadOnlySpan<byte> entry) => entry.Slice(2, BinaryPrimitives.ReadUInt16LittleEndian(entry));

    /// <summary>An encoded entry's kind and stamps, read in place.</summary>
    /// <remarks>Out parameters, not a tuple: a tuple's constructor is compiled at run time, on the stats' first call.</remarks>
    public static bool StampOf(ReadOnlySpan<byte> entry, out long length, out long ticks)
    {
        var flags = entry[(2 + BinaryPrimitives.ReadUInt16LittleEndian(entry))..];
        length = BinaryPrimitives.ReadInt64LittleEndian(flags[LengthAt..]);
        ticks = BinaryPrimitives.ReadInt64LittleEndian(flags[TicksAt..]);
        return (flags[0] & FlagFolder) != 0;
    }

    /// <summary>
    /// The index of the entry at <paramref name="path"/> (relative, '/'-separated), whether decoded or not; -1 when none.
    /// Safe from parallel callers while no entry is set.
    /// </summary>
    public int IndexOf(string path)
    {
        // A delta looks up every file it renders or writes (a macro's users: a thousand and more) in scans of
        // tens of thousands: past a few walks, a table made once. Paths never change, so it stays right.
        if (_table is null && (Count <= 64 || Interlocked.Increment(ref _walks) <= 8)) return Walk(path);
        var table = LazyInitializer.EnsureInitialized(ref _table, () => new PathTable(this));
        return table.Find(this, path);
    }

    private PathTable? _table;
    private int _walks;

    private int Walk(string path)
    {
        if (_entries is { } entries) return entries.FindIndex(e => e.Path == path);
        var utf8 = Encoding.UTF8.GetBytes(path);
        for (var i = 0; i < Count; i++)
        {
            if (PathOf(Encoded.Span[Offsets[i]..]).SequenceEqual(utf8)) return i;
        }
        return -1;
    }

    // The entries' indexes by a hash of their paths' UTF-8 bytes, chained: no string made per entry.
    private sealed class PathTable
    {
        private readonly int[] _heads;
        private readonly int[] _next;

        public PathTable(RecordedScan scan)
        {
            _heads = new int[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(scan.Count, 1) * 2)];
            _next = new int[scan.Count];
            for (var i = 0; i < scan.Count; i++)
            {
                var bucket = Bucket(scan.PathBytes(i));
                _next[i] = _heads[bucket];
                _heads[bucket] = i + 1;
            }
        }

        public int Find(RecordedScan scan, string path)
        {
            var utf8 = Encoding.UTF8.GetBytes(path);
            for (var i = _heads[Bucket(utf8)] - 1; i >= 0; i = _next[i] - 1)
            {
                if (scan.PathBytes(i).SequenceEqual(utf8)) return i;
            }
            return -1;
        }

        private int Bucket(ReadOnlySpan<byte> path) => (int)(System.IO.Hashing.XxHash3.HashToUInt64(path) & (ulong)(_heads.Length - 1));
    }

    // An entry's path as UTF-8: in place while encoded.
    private ReadOnlySpan<byte> PathBytes(int index) =>
        _entries is { } entries ? Encoding.UTF8.GetBytes(entries[index].Path) : PathOf(Encoded.Span[Offsets[index]..]);

    /// <summary>One entry, by index, whether decoded or not.</summary>
    public ScanEntry EntryAt(int index) => _entries is { } entries ? entries[index] : DecodeEntry(Encoded.Span[Offsets[index]..Offsets[index + 1]]);

    private List<ScanEntry> Decode()
    {
        var bytes = Encoded.Span;
        var offsets = Offsets;
        var entries = new List<ScanEntry>(Count);
        for (var i = 0; i < Count; i++) entries.Add(DecodeEntry(bytes[offsets[i]..offsets[i + 1]]));
        Encoded = default;
        _offsets = null;
        return entries;
    }

    private static ScanEntry DecodeEntry(ReadOnlySpan<byte> entry)
    {
        var path = PathOf(entry);
        var folder = StampOf(entry, out var length, out var ticks);
        var flags = entry[(2 + path.Length)..];
        var hash = (flags[0] & FlagHash) != 0 ? Hex.Lower(flags.Slice(HashAt, HashBytes)) : "";
        return new ScanEntry(Encoding.UTF8.GetString(path), folder, length, ticks, hash);
    }
}
