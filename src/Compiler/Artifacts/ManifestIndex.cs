using System.Diagnostics.CodeAnalysis;
using System.Buffers.Binary;
using System.Security.Cryptography;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Where each compiled node with a file (not seeds) and each macro has its entry (the value, from <c>{</c> to <c>}</c>) in
/// target/manifest.json, stamped with the size and times of the manifest it describes (<see cref="ManifestStamp"/>, taken when
/// saved beside it); saved as target/forge_manifest_index.bin.
/// <see cref="ManifestPatch"/> uses it to rewrite a few nodes' code and macros' bodies without writing the manifest afresh.
/// </summary>
internal sealed class ManifestIndex
{
    public const string FileName = "forge_manifest_index.bin";

    private const string Magic = "forge-manifest-index";
    // 3: the manifest's stamp (size and times) in place of its XxHash3. 4: the body's checksum by SHA-256, not XxHash3.
    // 5: each entry's tail (a node's compiled fields and closing brace).
    private const int Format = 5;

    private readonly Dictionary<string, int> _nodeById;
    private readonly Dictionary<string, int> _macroById;

    /// <param name="nodes">The nodes' entries in file order.</param>
    /// <param name="macros">The macros' entries in file order; the macros section follows nodes and sources.</param>
    /// <param name="stamp">The manifest's stamp as saved (null until <see cref="TryWrite"/> takes it from the file).</param>
    internal ManifestIndex(long manifestSize, ManifestStamp? stamp, IReadOnlyList<EntryRange> nodes, IReadOnlyList<EntryRange> macros)
    {
        ManifestSize = manifestSize;
        Stamp = stamp;
        Nodes = nodes;
        Macros = macros;
        _nodeById = ById(nodes);
        _macroById = ById(macros);
    }

    /// <summary>The byte length of the manifest described.</summary>
    public long ManifestSize { get; }

    /// <summary>The manifest's size and times when the index was saved beside it; null for an index not saved yet.</summary>
    public ManifestStamp? Stamp { get; }

    /// <summary>Whether the manifest at <paramref name="path"/> is still the one this saved index describes.</summary>
    public bool Describes(string path) => Stamp is { } stamp && stamp.Length == ManifestSize && ManifestStamp.Of(path) == stamp;

    /// <summary>The entries of the nodes with a file, in the manifest's order.</summary>
    public IReadOnlyList<EntryRange> Nodes { get; }

    /// <summary>The entries of the macros (every package's, the global project's too), in the manifest's order.</summary>
    public IReadOnlyList<EntryRange> Macros { get; }

    public bool TryFind(string uniqueId, [MaybeNullWhen(false)] out EntryRange range) => TryFind(_nodeById, Nodes, uniqueId, out range);

    /// <summary>A macro's entry by its unique id (<c>macro.&lt;package&gt;.&lt;name&gt;</c>).</summary>
    public bool TryFindMacro(string uniqueId, [MaybeNullWhen(false)] out EntryRange range) => TryFind(_macroById, Macros, uniqueId, out range);

    private static bool TryFind(Dictionary<string, int> byId, IReadOnlyList<EntryRange> entries, string uniqueId, [MaybeNullWhen(false)] out EntryRange range)
    {
        var found = byId.TryGetValue(uniqueId, out var i);
        range = found ? entries[i] : null;
        return found;
    }

    private static Dictionary<string, int> ById(IReadOnlyList<EntryRange> entries)
    {
        var byId = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++) byId[entries[i].UniqueId] = i;
        return byId;
    }

    /// <summary>
    /// The index in <paramref name="targetDirectory"/>; null when it is missing, damaged, written by another
    /// build of forge, or manifest.json is not the size it describes (its times are checked when patching: <see cref="Describes"/>).
    /// </summary>
    public static ManifestIndex? TryRead(string targetDirectory)
    {
        var index = CacheFile.TryRead(Path.Combine(targetDirectory, FileName), Magic, Format, BuildStamp, reader =>
        {
            var hash = reader.ReadUInt64();
            var body = CacheFile.Slice(reader, reader.ReadInt32());
            if (Checksum(body.Span) != hash) throw new FormatException("damaged manifest index");
            using var bodyReader = new BinaryReader(new MemoryStream(body.ToArray(), writable: false));
            return ReadBody(bodyReader);
        });
        try
        {
            return index is not null && new FileInfo(Path.Combine(targetDirectory, "manifest.json")) is { Exists: true } manifest
                   && manifest.Length == index.ManifestSize ? index : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Saves the index beside the manifest atomically, stamped with the manifest's size and times as they are now; false
    /// when it could not, or the manifest is not the size written or has no stamp to prove it by (then no index is left:
    /// the manifest is written in full next time).
    /// </summary>
    public bool TryWrite(string targetDirectory)
    {
        var path = Path.Combine(targetDirectory, FileName);
        if (ManifestStamp.Of(Path.Combine(targetDirectory, "manifest.json")) is not { } stamp || stamp.Length != ManifestSize)
        {
            CacheFile.Delete(path);
            return false;
        }
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(ManifestSize);
            writer.Write(stamp.Ticks);
            writer.Write(stamp.ChangeTicks);
            writer.Write(EncodedEntries());
        }
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length).ToArray();
        if (CacheFile.TryWrite(path, Magic, Format, BuildStamp, writer =>
            {
                writer.Write(Checksum(bytes));
                writer.Write(bytes.Length);
                writer.Write(bytes);
            })) return true;
        CacheFile.Delete(path);
        return false;
    }

    private byte[]? _encodedEntries;

    /// <summary>
    /// The entries as saved, encoded once: a patch has them encoded beside its move of the manifest's tail, so that only
    /// the stamp, taken after the move, is left to the save. Gaps and lengths, 7 bits a byte: a few bytes per entry
    /// besides its id; the macros' gaps count on from the last node's end, as they follow the nodes in the file.
    /// </summary>
    internal byte[] EncodedEntries()
    {
        if (_encodedEntries is { } known) return known;
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var end = 0L;
            WriteEntries(writer, Nodes, ref end);
            WriteEntries(writer, Macros, ref end);
        }
        return _encodedEntries = body.ToArray();
    }

    private static void WriteEntries(BinaryWriter writer, IReadOnlyList<EntryRange> entries, ref long end)
    {
        writer.Write(entries.Count);
        foreach (var entry in entries)
        {
            writer.Write(entry.UniqueId);
            writer.Write7BitEncodedInt64(entry.Start - end);
            writer.Write7BitEncodedInt(entry.Length);
            writer.Write7BitEncodedInt(entry.Tail);
            end = entry.End;
        }
    }

    // SHA-256's first 8 bytes, not XxHash3: its vectorized code is compiled at run time in every process that patches,
    // SHA-256 is the system library's and already in use (~0.3 ms for the 10,000-model index).
    private static ulong Checksum(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(body));

    // A FormatException (the reader's "no file") for what no writer wrote.
    private static ManifestIndex ReadBody(BinaryReader reader)
    {
        var size = reader.ReadInt64();
        var stamp = new ManifestStamp(size, reader.ReadInt64(), reader.ReadInt64());
        var end = 0L;
        var nodes = ReadEntries(reader, size, ref end);
        var macros = ReadEntries(reader, size, ref end);
        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new FormatException("damaged manifest index");
        return new ManifestIndex(size, stamp, nodes, macros);
    }

    private static List<EntryRange> ReadEntries(BinaryReader reader, long size, ref long end)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new FormatException("damaged manifest index");
        var entries = new List<EntryRange>(Math.Min(count, 1 << 20));
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var start = end + reader.Read7BitEncodedInt64();
            var length = reader.Read7BitEncodedInt();
            var tail = reader.Read7BitEncodedInt();
            if (start < end || length < 2 || start + length > size || tail < 0 || tail >= length) throw new FormatException("damaged manifest index");
            entries.Add(new EntryRange(id, start, length, tail));
            end = start + length;
        }
        return entries;
    }

    // The writer's code: another build may place or encode fields differently, and a patch must match the rest of the file.
    private static readonly string BuildStamp = typeof(ManifestIndex).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>
    /// A node's or macro's entry: its value (the object) spans <see cref="Length"/> bytes from <see cref="Start"/>. A node's
    /// last <see cref="Tail"/> bytes are its compiled fields, from the comma before compiled_path, and its closing brace (0
    /// when not known, and for macros).
    /// </summary>
    internal sealed record EntryRange(string UniqueId, long Start, int Length, int Tail = 0)
    {
        public long End => Start + Length;
    }
}
