using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Where each node's entry sits in the last manifest.json and the key of what it was made of
/// (<see cref="NodeHashSink"/>), kept in target/ beside it: the next manifest copies an unchanged
/// entry's bytes from the last file instead of serializing it again. The index holds only for the
/// file it was written with (size and write time, checked on the handle the bytes are read from)
/// and for this build of forge and of System.Text.Json; anything else, and the entries are written afresh.
/// </summary>
internal sealed class ManifestFragments : IDisposable
{
    public const string FileName = "forge_manifest_index.bin";
    private const string Magic = "modelforge-manifest-index";
    private const int Format = 1;

    // The writer's code decides the bytes a key stands for.
    private static readonly string Stamp =
        $"{typeof(ManifestFragments).Assembly.ManifestModule.ModuleVersionId}|{typeof(Utf8JsonWriter).Assembly.ManifestModule.ModuleVersionId}";

    private readonly Dictionary<string, Fragment> _previous;
    private readonly List<(string Name, Fragment Fragment)> _written = [];
    private SafeFileHandle? _last;
    private volatile bool _broken;
    private int _copied;

    private ManifestFragments(Dictionary<string, Fragment> previous, SafeFileHandle? last)
    {
        _previous = previous;
        _last = last;
    }

    /// <summary>The index in <paramref name="targetDirectory"/> with its manifest.json open to read, when they match; an empty one otherwise.</summary>
    public static ManifestFragments Open(string targetDirectory)
    {
        var index = CacheFile.TryRead(Path.Combine(targetDirectory, FileName), Magic, Format, Stamp, reader =>
        {
            var length = reader.ReadInt64();
            var ticks = reader.ReadInt64();
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, Fragment>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var key = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                entries[name] = new Fragment(key, reader.ReadInt64(), reader.ReadInt32());
            }
            return new Index(length, ticks, entries);
        });
        if (index is null) return new ManifestFragments([], null);
        SafeFileHandle? last = null;
        try
        {
            last = File.OpenHandle(Path.Combine(targetDirectory, "manifest.json"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (RandomAccess.GetLength(last) == index.Length && File.GetLastWriteTimeUtc(last).Ticks == index.Ticks)
                return new ManifestFragments(index.Entries, last);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No last manifest to copy from: everything is written afresh.
        }
        last?.Dispose();
        return new ManifestFragments([], null);
    }

    /// <summary>Where the entry <paramref name="name"/> sits in the last manifest, if it was made of what <paramref name="key"/> hashes.</summary>
    public bool TryFind(string name, UInt128 key, out long offset, out int length)
    {
        offset = 0;
        length = 0;
        if (_broken || _last is null || !_previous.TryGetValue(name, out var fragment) || fragment.Key != key) return false;
        (offset, length) = (fragment.Offset, fragment.Length);
        Interlocked.Increment(ref _copied);
        return true;
    }

    /// <summary>How many entries were found in the last manifest, and how many this one has (after the first of each section).</summary>
    public (int Copied, int Written) Counts => (Volatile.Read(ref _copied), _written.Count);

    /// <summary>Bytes of the last manifest; false (and no more reuse) when they cannot all be read.</summary>
    public bool TryRead(long offset, Span<byte> into)
    {
        try
        {
            while (into.Length > 0 && !_broken)
            {
                var read = RandomAccess.Read(_last!, into, offset);
                if (read <= 0) break;
                into = into[read..];
                offset += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Handled as a short read.
        }
        if (into.Length > 0) Abandon();
        return into.Length == 0;
    }

    /// <summary>No more entries taken from the last manifest (what was read does not look like its entries).</summary>
    public void Abandon() => _broken = true;

    /// <summary>An entry of the manifest being written: <paramref name="offset"/> from the file's start. Called in file order, by one thread at a time.</summary>
    public void Record(string name, UInt128 key, long offset, int length) => _written.Add((name, new Fragment(key, offset, length)));

    /// <summary>Done with the last manifest (before the new one replaces it).</summary>
    public void EndReading()
    {
        _last?.Dispose();
        _last = null;
    }

    /// <summary>The index of the manifest.json now in <paramref name="targetDirectory"/>, as this write left it; a failure loses only the index.</summary>
    public void Save(string targetDirectory)
    {
        EndReading();
        long length, ticks;
        try
        {
            using var written = File.OpenHandle(Path.Combine(targetDirectory, "manifest.json"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = RandomAccess.GetLength(written);
            ticks = File.GetLastWriteTimeUtc(written).Ticks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CacheFile.Delete(Path.Combine(targetDirectory, FileName));
            return;
        }
        CacheFile.TryWrite(Path.Combine(targetDirectory, FileName), Magic, Format, Stamp, writer =>
        {
            writer.Write(length);
            writer.Write(ticks);
            writer.Write(_written.Count);
            foreach (var (name, fragment) in _written)
            {
                writer.Write(name);
                writer.Write((ulong)(fragment.Key >> 64));
                writer.Write((ulong)fragment.Key);
                writer.Write(fragment.Offset);
                writer.Write(fragment.Length);
            }
        });
    }

    public void Dispose() => EndReading();

    private readonly record struct Fragment(UInt128 Key, long Offset, int Length);

    private sealed record Index(long Length, long Ticks, Dictionary<string, Fragment> Entries);
}
