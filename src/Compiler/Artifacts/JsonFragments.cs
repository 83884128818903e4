using System.Buffers;
using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Writes the entries of a large JSON object (the manifest's nodes) on every core: runs of entries
/// are serialized on their own into chunks already indented for the depth they sit at, commas
/// included, and the thread that finishes the next chunk due writes it (and any after it that are
/// ready) to the output. The bytes are those writing each entry in place would give; only the work
/// is spread across threads.
/// </summary>
internal static class JsonFragments
{
    // Entries per chunk: large enough that a chunk costs little to hand over, small enough to share out evenly.
    private const int ChunkSize = 32;

    // Chunks serialized ahead of the output, per core: every core stays busy through a preempted thread's chunk, and
    // the buffers in flight stay few (~200 KB each at 10,000 models): the pool hands the same ones round again, warm
    // in the cache, instead of 64 fresh ones (page faults, ~13 MB that the pool then keeps).
    private const int ChunksAheadPerCore = 4;

    /// <param name="json">The writer, inside the object the entries belong to.</param>
    /// <param name="output">The stream <paramref name="json"/> writes to: chunks go straight to it, past the writer.</param>
    /// <param name="depth">How many objects enclose the entries' values (2 for manifest.json's nodes).</param>
    /// <param name="valueRange">
    /// When given, told where each entry's value lies in <paramref name="output"/> (item, first byte, end), in order and
    /// from one thread at a time; <paramref name="output"/>'s Position must then count the bytes written to it.
    /// </param>
    public static void WriteEntries<T>(Utf8JsonWriter json, Stream output, IReadOnlyList<T> items, int depth,
        Func<T, string> nameOf, Action<Utf8JsonWriter, T> writeValue, Action<int, long, long>? valueRange = null)
    {
        if (items.Count == 0) return;
        // The first entry in place: the writer then knows its object has entries, and what follows the
        // chunks (the closing brace, the next section) is indented and separated as after the last entry.
        json.WritePropertyName(nameOf(items[0]));
        // The writer's pending bytes follow those already in the output.
        var start = valueRange is null ? 0 : output.Position + json.BytesPending;
        writeValue(json, items[0]);
        valueRange?.Invoke(0, start, output.Position + json.BytesPending);
        json.Flush();
        if (items.Count == 1) return;
        var chunks = new Chunks(output, (items.Count - 1 + ChunkSize - 1) / ChunkSize, valueRange);
        var work = () => Serialize(chunks, json.Options, depth, items, nameOf, writeValue);
        // A loop, not Range().Select(): that LINQ over ints is compiled at run time in a precompiled forge.
        var helpers = new Task[Math.Min(Environment.ProcessorCount, chunks.Count) - 1];
        for (var i = 0; i < helpers.Length; i++) helpers[i] = Task.Run(work);
        try
        {
            work();
        }
        finally
        {
            // Nothing may write to the output once this returns, whatever happened.
            Task.WhenAll(helpers).ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
        foreach (var helper in helpers)
            if (helper.Exception is { } e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException ?? e);
        if (!chunks.AllWritten) throw new InvalidOperationException("a chunk of JSON entries was serialized but never written");
    }

    private static void Serialize<T>(Chunks chunks, JsonWriterOptions options, int depth,
        IReadOnlyList<T> items, Func<T, string> nameOf, Action<Utf8JsonWriter, T> writeValue)
    {
        try
        {
            // Without the writer's checks of each call against the open objects: the same bytes, and the entries are
            // written by the same code as the first one, which the caller's writer checks.
            using var json = new Utf8JsonWriter(Stream.Null, options with { SkipValidation = true });
            while (chunks.Next() is var i and >= 0)
            {
                var buffer = new PooledBuffer(chunks.BufferSize);
                json.Reset(buffer);
                // Open the enclosing objects and one entry before, so that each entry is indented and preceded by its comma.
                json.WriteStartObject();
                for (var level = 1; level < depth; level++) json.WriteStartObject("_");
                json.WriteNull("_");
                json.Flush();
                var prefix = buffer.Length;
                var start = 1 + i * ChunkSize;
                var end = Math.Min(start + ChunkSize, items.Count);
                // Each value's range within the chunk, made absolute when the chunk reaches the output.
                var ranges = chunks.RecordsRanges ? new int[2 * (end - start)] : null;
                for (var item = start; item < end; item++)
                {
                    json.WritePropertyName(nameOf(items[item]));
                    if (ranges is not null) ranges[2 * (item - start)] = (int)(json.BytesCommitted + json.BytesPending) - prefix;
                    writeValue(json, items[item]);
                    if (ranges is not null) ranges[2 * (item - start) + 1] = (int)(json.BytesCommitted + json.BytesPending) - prefix;
                }
                json.Flush();
                chunks.BufferSize = buffer.Length + 4096;
                chunks.Done(i, buffer.Array, prefix, buffer.Length - prefix, ranges);
            }
        }
        catch
        {
            chunks.Stop();
            throw;
        }
    }

    /// <summary>
    /// The chunks between the threads: handed out in order, at most <see cref="ChunksAhead"/> ahead of the
    /// output, and written in order by whichever thread completes the one due (no thread waits on another
    /// to write, and none holds a lock: on a loaded machine a preempted lock holder leaves the others spinning).
    /// </summary>
    private sealed class Chunks(Stream output, int count, Action<int, long, long>? valueRange)
    {
        private readonly Chunk?[] _done = new Chunk?[count];
        private readonly SemaphoreSlim _ahead = new(ChunksAhead);
        private int _bufferSize = ChunkSize * 4096;
        private int _next = -1;
        private int _due;
        private int _writing;
        private volatile bool _stopped;

        private static int ChunksAhead => ChunksAheadPerCore * Environment.ProcessorCount;

        public int Count => count;

        /// <summary>
        /// About what the last chunk needed: the next chunk's buffer starts at that, so a run of large entries (models
        /// with their SQL twice) does not grow each chunk's buffer by copying it into a larger one.
        /// </summary>
        public int BufferSize
        {
            get => Volatile.Read(ref _bufferSize);
            set => Volatile.Write(ref _bufferSize, value);
        }

        public bool RecordsRanges => valueRange is not null;

        public bool AllWritten => Volatile.Read(ref _due) == count;

        /// <summary>The next chunk to serialize; -1 when none is left.</summary>
        public int Next()
        {
            _ahead.Wait();
            var i = Interlocked.Increment(ref _next);
            if (i < count && !_stopped) return i;
            _ahead.Release();
            return -1;
        }

        public void Done(int i, byte[] buffer, int start, int length, int[]? ranges)
        {
            // Full fences (Interlocked) between each store and the loads after it: a chunk that becomes ready
            // just as the writer gives up is seen either by its own thread or by the writer's check after the release.
            Interlocked.Exchange(ref _done[i], new Chunk(buffer, start, length, ranges));
            while (!_stopped && Volatile.Read(ref _due) is var due && due < count && Volatile.Read(ref _done[due]) is not null)
            {
                if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
                try
                {
                    while (!_stopped && _due < count && Volatile.Read(ref _done[_due]) is { } chunk)
                    {
                        _done[_due] = null;
                        if (chunk.Ranges is { } values) Report(_due, output.Position, values);
                        output.Write(chunk.Buffer, chunk.Start, chunk.Length);
                        ArrayPool<byte>.Shared.Return(chunk.Buffer);
                        Interlocked.Increment(ref _due);
                        _ahead.Release();
                    }
                }
                finally
                {
                    Interlocked.Exchange(ref _writing, 0);
                }
            }
        }

        private void Report(int chunk, long at, int[] ranges)
        {
            for (var entry = 0; entry < ranges.Length / 2; entry++)
                valueRange!(1 + chunk * ChunkSize + entry, at + ranges[2 * entry], at + ranges[2 * entry + 1]);
        }

        // Claimed chunks are finished but not written; the others are never started.
        public void Stop()
        {
            _stopped = true;
            _ahead.Release(Environment.ProcessorCount);
        }
    }

    private sealed record Chunk(byte[] Buffer, int Start, int Length, int[]? Ranges);

    /// <summary>An <see cref="IBufferWriter{T}"/> over a rented array, handed on with its chunk.</summary>
    private sealed class PooledBuffer(int size) : IBufferWriter<byte>
    {
        public byte[] Array { get; private set; } = ArrayPool<byte>.Shared.Rent(size);

        public int Length { get; private set; }

        public void Advance(int count) => Length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Grow(sizeHint);
            return Array.AsMemory(Length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Grow(sizeHint);
            return Array.AsSpan(Length);
        }

        private void Grow(int sizeHint)
        {
            if (Array.Length - Length < Math.Max(sizeHint, 256))
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Array.Length * 2, Length + sizeHint));
                Array.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(Array);
                Array = larger;
            }
        }
    }
}
