using System.IO.Hashing;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Where each compiled node with a file (not seeds) has its entry (the value, from <c>{</c> to <c>}</c>) in target/manifest.json,
/// stamped with the size and XxHash3 of the manifest it describes; saved as target/forge_manifest_index.bin.
/// <see cref="ManifestPatch"/> uses it to rewrite a few nodes' code without writing the manifest afresh.
/// </summary>
internal sealed class ManifestIndex
{
    public const string FileName = "forge_manifest_index.bin";

    private const string Magic = "forge-manifest-index";
    private const int Format = 1;

    private readonly Dictionary<string, int> _byId;

    internal ManifestIndex(long manifestSize, ulong manifestHash, IReadOnlyList<NodeRange> nodes)
    {
        ManifestSize = manifestSize;
        ManifestHash = manifestHash;
        Nodes = nodes;
        _byId = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) _byId[nodes[i].UniqueId] = i;
    }

    /// <summary>The byte length of the manifest described.</summary>
    public long ManifestSize { get; }

    /// <summary>The XxHash3 (64 bits) of the manifest described.</summary>
    public ulong ManifestHash { get; }

    /// <summary>The entries of the nodes with a file, in the manifest's order.</summary>
    public IReadOnlyList<NodeRange> Nodes { get; }

    public bool TryFind(string uniqueId, out NodeRange range)
    {
        var found = _byId.TryGetValue(uniqueId, out var i);
        range = found ? Nodes[i] : default;
        return found;
    }

    /// <summary>
    /// The index in <paramref name="targetDirectory"/>; null when it is missing, damaged, written by another
    /// build of forge, or manifest.json is not the size it describes (the content hash is checked when patching,
    /// as the manifest is read then anyway).
    /// </summary>
    public static ManifestIndex? TryRead(string targetDirectory)
    {
        var index = CacheFile.TryRead(Path.Combine(targetDirectory, FileName), Magic, Format, Stamp, reader =>
        {
            var hash = reader.ReadUInt64();
            var body = CacheFile.Slice(reader, reader.ReadInt32());
            if (XxHash3.HashToUInt64(body.Span) != hash) throw new FormatException("damaged manifest index");
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

    /// <summary>Saves the index beside the manifest atomically; false when it could not (then no index is left: the manifest is written in full next time).</summary>
    public bool TryWrite(string targetDirectory)
    {
        var path = Path.Combine(targetDirectory, FileName);
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true)) WriteBody(writer);
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length).ToArray();
        if (CacheFile.TryWrite(path, Magic, Format, Stamp, writer =>
            {
                writer.Write(XxHash3.HashToUInt64(bytes));
                writer.Write(bytes.Length);
                writer.Write(bytes);
            })) return true;
        CacheFile.Delete(path);
        return false;
    }

    // Entries as gaps and lengths, 7 bits a byte: a few bytes per node besides its id.
    private void WriteBody(BinaryWriter writer)
    {
        writer.Write(ManifestSize);
        writer.Write(ManifestHash);
        writer.Write(Nodes.Count);
        var end = 0L;
        foreach (var node in Nodes)
        {
            writer.Write(node.UniqueId);
            writer.Write7BitEncodedInt64(node.Start - end);
            writer.Write7BitEncodedInt(node.Length);
            end = node.Start + node.Length;
        }
    }

    // A FormatException (the reader's "no file") for what no writer wrote.
    private static ManifestIndex ReadBody(BinaryReader reader)
    {
        var size = reader.ReadInt64();
        var hash = reader.ReadUInt64();
        var count = reader.ReadInt32();
        if (count < 0) throw new FormatException("damaged manifest index");
        var nodes = new List<NodeRange>(Math.Min(count, 1 << 20));
        var end = 0L;
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var start = end + reader.Read7BitEncodedInt64();
            var length = reader.Read7BitEncodedInt();
            if (start < end || length < 2 || start + length > size) throw new FormatException("damaged manifest index");
            nodes.Add(new NodeRange(id, start, length));
            end = start + length;
        }
        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new FormatException("damaged manifest index");
        return new ManifestIndex(size, hash, nodes);
    }

    // The writer's code: another build may place or encode fields differently, and a patch must match the rest of the file.
    private static readonly string Stamp = typeof(ManifestIndex).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>A node's entry: its value (the object) spans <see cref="Length"/> bytes from <see cref="Start"/>.</summary>
    internal readonly record struct NodeRange(string UniqueId, long Start, int Length)
    {
        public long End => Start + Length;
    }
}
