using System.Buffers;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Artifacts;

// The patched manifest streamed from the old one through one small buffer, hashing both: reading a 70 MB manifest into
// one array cost more (zeroed pages, a second copy) than its hash and the write together.
internal static partial class ManifestPatch
{
    private const int CopyBuffer = 1 << 20;

    /// <summary>
    /// Writes the old manifest with the replacements beside it and moves it in place; the new size and hash, or null
    /// (nothing left behind) when what was read is not what <paramref name="index"/> was stamped with.
    /// </summary>
    private static (long Size, ulong Hash)? CopyPatched(SafeFileHandle manifest, ManifestIndex index, string path, List<Replacement> replacements)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        var oldHash = new XxHash3();
        var newHash = new XxHash3();
        var size = 0L;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBuffer);
        try
        {
            // Unbuffered: each stretch goes to the file in one write.
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                var next = 0;
                var inserted = false;
                for (var at = 0L; at < index.ManifestSize;)
                {
                    var read = RandomAccess.Read(manifest, buffer.AsSpan(0, (int)Math.Min(CopyBuffer, index.ManifestSize - at)), at);
                    if (read == 0) break;
                    var chunk = buffer.AsSpan(0, read);
                    oldHash.Append(chunk);
                    // Old bytes up to the next replacement, its new bytes once, then past its old ones.
                    for (var position = at; position < at + read;)
                    {
                        if (next < replacements.Count && position >= replacements[next].Start)
                        {
                            if (!inserted) Write(replacements[next].Bytes);
                            inserted = true;
                            position = Math.Min(at + read, replacements[next].End);
                            if (position == replacements[next].End) (next, inserted) = (next + 1, false);
                            continue;
                        }
                        var until = next < replacements.Count ? Math.Min(at + read, replacements[next].Start) : at + read;
                        Write(chunk[(int)(position - at)..(int)(until - at)]);
                        position = until;
                    }
                    at += read;
                }

                void Write(ReadOnlySpan<byte> bytes)
                {
                    file.Write(bytes);
                    newHash.Append(bytes);
                    size += bytes.Length;
                }
            }
            if (oldHash.GetCurrentHashAsUInt64() != index.ManifestHash)
            {
                CacheFile.Delete(temporary);
                return null;
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            CacheFile.Delete(temporary);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (size, newHash.GetCurrentHashAsUInt64());
    }

    // The nodes where they now lie: each moves by what the replacements before it added, and grows by those inside it.
    private static List<ManifestIndex.NodeRange> Shifted(IReadOnlyList<ManifestIndex.NodeRange> nodes, List<Replacement> replacements)
    {
        var shifted = new List<ManifestIndex.NodeRange>(nodes.Count);
        var next = 0;
        var delta = 0L;
        foreach (var node in nodes)
        {
            while (next < replacements.Count && replacements[next].End <= node.Start) delta += replacements[next++].Delta;
            var grown = 0L;
            while (next < replacements.Count && replacements[next].Start < node.End) grown += replacements[next++].Delta;
            shifted.Add(node with { Start = node.Start + delta, Length = checked((int)(node.Length + grown)) });
            delta += grown;
        }
        return shifted;
    }
}
