using System.Buffers;
using System.Text.Json;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Writes the entries of a large JSON object (the manifest's nodes) on every core: each value is
/// serialized on its own into a fragment already indented for the depth it will sit at, and the one
/// writer splices the fragments in order with <c>WriteRawValue</c>. The bytes are those writing each
/// value in place would give; only the serialization is spread across threads.
/// </summary>
internal static class JsonFragments
{
    // Fragments of one batch are held at once: enough to keep both cores busy, little memory.
    private const int BatchSize = 512;

    /// <param name="json">The writer, inside the object the entries belong to.</param>
    /// <param name="depth">How many objects enclose the entries' values (2 for manifest.json's nodes).</param>
    public static void WriteEntries<T>(Utf8JsonWriter json, IReadOnlyList<T> items, int depth, Func<T, string> nameOf, Action<Utf8JsonWriter, T> writeValue)
    {
        var fragments = new byte[Math.Min(BatchSize, items.Count)][];
        for (var start = 0; start < items.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, items.Count - start);
            Parallel.For(0, count, () => new FragmentWriter(json.Options, depth),
                (i, _, writer) =>
                {
                    fragments[i] = writer.Write(items[start + i], writeValue);
                    return writer;
                },
                writer => writer.Dispose());
            for (var i = 0; i < count; i++)
            {
                json.WritePropertyName(nameOf(items[start + i]));
                json.WriteRawValue(fragments[i], skipInputValidation: true);
                fragments[i] = null!;
            }
            // A writer over a stream buffers everything until flushed: without this the whole document sits in memory.
            json.Flush();
        }
    }

    /// <summary>One thread's writer, reused for every fragment it serializes.</summary>
    private sealed class FragmentWriter(JsonWriterOptions options, int depth) : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 14);
        private readonly Utf8JsonWriter _json = new(Stream.Null, options);

        public byte[] Write<T>(T item, Action<Utf8JsonWriter, T> writeValue)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            // Open the enclosing objects so that the value is indented as it will be in the document.
            _json.WriteStartObject();
            for (var level = 1; level < depth; level++) _json.WriteStartObject("_");
            _json.WritePropertyName("_");
            _json.Flush();
            var start = _buffer.WrittenCount;
            writeValue(_json, item);
            _json.Flush();
            return _buffer.WrittenSpan[start..].ToArray();
        }

        public void Dispose() => _json.Dispose();
    }
}
