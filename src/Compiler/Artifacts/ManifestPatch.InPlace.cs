using System.Buffers;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace ModelForge.Compiler.Artifacts;

// The patch written into manifest.json itself: the metadata's new values (of the same length) over the old ones, and
// from the first replacement that changes the length on, the rest of the file moved by what the replacements add.
// Writing a 70 MB copy and freeing the old file on the rename cost 150-250 ms of system time at 10,000 models; moving
// the tail in place costs what the tail's bytes cost to read and write. Like dbt's own write, it is not atomic: a
// patch cut short leaves a manifest whose hash no longer matches its index or the invocation memo's stamp, which the
// next compile rebuilds whole.
internal static partial class ManifestPatch
{
    private const int CopyBuffer = 1 << 20;

    /// <summary>
    /// Patches <paramref name="manifest"/> (open for reading and writing) in place; its new size and hash, or null
    /// (nothing written) when its content is not what <paramref name="index"/> was stamped with.
    /// </summary>
    private static (long Size, ulong Hash)? PatchInPlace(SafeFileHandle manifest, ManifestIndex index, List<Replacement> replacements)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBuffer);
        try
        {
            // Where bytes start to move: the first replacement of another length (the file's end when none).
            var moving = replacements.FindIndex(r => r.Delta != 0);
            var from = moving < 0 ? index.ManifestSize : replacements[moving].Start;
            // The whole file is read before anything is written: a manifest changed since it was indexed is left alone.
            var oldHash = new XxHash3();
            var newHash = new XxHash3();
            for (var at = 0L; at < index.ManifestSize;)
            {
                var read = RandomAccess.Read(manifest, buffer.AsSpan(0, (int)Math.Min(CopyBuffer, index.ManifestSize - at)), at);
                if (read == 0) return null;
                var chunk = buffer.AsSpan(0, read);
                oldHash.Append(chunk);
                // The new file's bytes before `from` are these with the same-length replacements over them.
                if (at < from)
                {
                    var before = chunk[..(int)Math.Min(read, from - at)];
                    foreach (var r in replacements)
                    {
                        if (r.Start >= from) break;
                        if (r.End <= at || r.Start >= at + before.Length) continue;
                        r.Bytes.AsSpan((int)Math.Max(0, at - r.Start), (int)(Math.Min(r.End, at + before.Length) - Math.Max(r.Start, at)))
                            .CopyTo(before[(int)Math.Max(0, r.Start - at)..]);
                    }
                    newHash.Append(before);
                }
                at += read;
            }
            if (oldHash.GetCurrentHashAsUInt64() != index.ManifestHash) return null;

            foreach (var r in replacements)
            {
                if (r.Start >= from) break;
                RandomAccess.Write(manifest, r.Bytes, r.Start);
            }
            var size = moving < 0 ? index.ManifestSize : MoveTail(manifest, index.ManifestSize, replacements, moving, buffer, newHash);
            return (size, newHash.GetCurrentHashAsUInt64());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Rewrites the file from replacements[first].Start on: old bytes read ahead of where the new ones are written, so
    // that growth never overwrites a byte not yet read (what is produced waits in `pending` until its place is read).
    private static long MoveTail(SafeFileHandle manifest, long oldSize, List<Replacement> replacements, int first, byte[] buffer, XxHash3 newHash)
    {
        var pending = new ArrayBufferWriter<byte>(CopyBuffer);
        var start = replacements[first].Start;
        var written = start;
        var next = first;
        for (var at = start; at < oldSize;)
        {
            var read = RandomAccess.Read(manifest, buffer.AsSpan(0, (int)Math.Min(CopyBuffer, oldSize - at)), at);
            if (read == 0) throw new IOException("manifest.json ended early while patched");
            // Old bytes up to the next replacement, its new bytes once (where it starts), then past its old ones.
            for (var position = at; position < at + read;)
            {
                if (next < replacements.Count && position >= replacements[next].Start)
                {
                    if (position == replacements[next].Start) pending.Write(replacements[next].Bytes);
                    position = Math.Min(at + read, replacements[next].End);
                    if (position == replacements[next].End) next++;
                    continue;
                }
                var until = next < replacements.Count ? Math.Min(at + read, replacements[next].Start) : at + read;
                pending.Write(buffer.AsSpan((int)(position - at), (int)(until - position)));
                position = until;
            }
            at += read;
            written += Flush(manifest, pending, written, at - written);
        }
        // A replacement that ends the file (none do in a manifest, but its bytes must not be lost).
        while (next < replacements.Count) pending.Write(replacements[next++].Bytes);
        written += Flush(manifest, pending, written, long.MaxValue);
        if (written < oldSize) RandomAccess.SetLength(manifest, written);
        return written;

        // Writes what is pending up to `room` bytes at `offset` (never past what has been read), keeps the rest.
        long Flush(SafeFileHandle file, ArrayBufferWriter<byte> queue, long offset, long room)
        {
            var count = (int)Math.Min(queue.WrittenCount, room);
            if (count <= 0) return 0;
            var bytes = queue.WrittenSpan[..count];
            RandomAccess.Write(file, bytes, offset);
            newHash.Append(bytes);
            var rest = queue.WrittenSpan[count..].ToArray();
            queue.ResetWrittenCount();
            queue.Write(rest);
            return count;
        }
    }
}
