using System.Buffers;
using Microsoft.Win32.SafeHandles;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Artifacts;

// The patch written into manifest.json itself: the metadata's new values (of the same length) over the old ones, and
// from the first replacement that changes the length on, the rest of the file moved by what the replacements add.
// Writing a 70 MB copy and freeing the old file on the rename cost 150-250 ms of system time at 10,000 models; moving
// the tail in place costs what the tail's bytes cost to read and write. Like dbt's own write, it is not atomic: a
// patch cut short leaves no index (removed before the first write) and a manifest whose stamp no longer matches the
// invocation memo's, which the next compile rebuilds whole.
internal static partial class ManifestPatch
{
    private const int CopyBuffer = 1 << 20;

    /// <summary>
    /// Patches <paramref name="manifest"/> (open for reading and writing, checked against <paramref name="index"/>) in
    /// place; its new size.
    /// </summary>
    private static long PatchInPlace(SafeFileHandle manifest, ManifestIndex index, List<Replacement> replacements)
    {
        // Where bytes start to move: the first replacement of another length (the file's end when none).
        var moving = replacements.FindIndex(r => r.Delta != 0);
        var from = moving < 0 ? index.ManifestSize : replacements[moving].Start;
        foreach (var r in replacements)
        {
            if (r.Start >= from) break;
            RandomAccess.Write(manifest, r.Bytes, r.Start);
        }
        if (moving < 0) return index.ManifestSize;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBuffer);
        try
        {
            return MoveStretches(manifest, index.ManifestSize, replacements, moving, buffer)
                   ?? MoveTail(manifest, index.ManifestSize, replacements, moving, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // When every stretch of old bytes between replacements moves the same way (after one edit: up when the node's text
    // grew, down when it shrank), each is moved as a memmove moves memory: up from its end backwards, down from its start
    // forwards, stretches in that order too, so that no write lands on a byte not yet read. One read and one write per
    // chunk (the general MoveTail below also copies each chunk through a queue), then the replacements' new bytes.
    // Null, touching nothing, when the stretches move both ways.
    private static long? MoveStretches(SafeFileHandle manifest, long oldSize, List<Replacement> replacements, int first, byte[] buffer)
    {
        // shifts[k]: how far the old bytes after replacement k move (what replacements up to k add).
        var shifts = new long[replacements.Count];
        var (shift, up, down) = (0L, false, false);
        for (var k = 0; k < replacements.Count; k++)
        {
            shifts[k] = shift += replacements[k].Delta;
            if (k >= first) (up, down) = (up || shifts[k] > 0, down || shifts[k] < 0);
        }
        if (up && down) return null;
        var last = replacements.Count - 1;
        for (var step = 0; step <= last - first; step++)
        {
            var k = up ? last - step : first + step;
            var end = k < last ? replacements[k + 1].Start : oldSize;
            MoveStretch(manifest, replacements[k].End, end, shifts[k], buffer);
        }
        for (var k = first; k <= last; k++) RandomAccess.Write(manifest, replacements[k].Bytes, replacements[k].Start + (k == 0 ? 0 : shifts[k - 1]));
        var size = oldSize + shift;
        if (size < oldSize) RandomAccess.SetLength(manifest, size);
        return size;
    }

    // Moves [from, to) by shift, a chunk at a time, in the order that reads every byte before anything is written over it.
    private static void MoveStretch(SafeFileHandle manifest, long from, long to, long shift, byte[] buffer)
    {
        if (shift == 0) return;
        for (var done = 0L; done < to - from;)
        {
            var size = (int)Math.Min(CopyBuffer, to - from - done);
            var at = shift > 0 ? to - done - size : from + done;
            for (var read = 0; read < size;)
            {
                var count = RandomAccess.Read(manifest, buffer.AsSpan(read, size - read), at + read);
                if (count == 0) throw new IOException("manifest.json ended early while patched");
                read += count;
            }
            RandomAccess.Write(manifest, buffer.AsSpan(0, size), at + shift);
            done += size;
        }
    }

    // Rewrites the file from replacements[first].Start on: old bytes read ahead of where the new ones are written, so
    // that growth never overwrites a byte not yet read (what is produced waits in `pending` until its place is read).
    private static long MoveTail(SafeFileHandle manifest, long oldSize, List<Replacement> replacements, int first, byte[] buffer)
    {
        var pending = new ByteBuffer(CopyBuffer);
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
        long Flush(SafeFileHandle file, ByteBuffer queue, long offset, long room)
        {
            var count = (int)Math.Min(queue.WrittenCount, room);
            if (count <= 0) return 0;
            var bytes = queue.WrittenSpan[..count];
            RandomAccess.Write(file, bytes, offset);
            queue.Discard(count);
            return count;
        }
    }
}
