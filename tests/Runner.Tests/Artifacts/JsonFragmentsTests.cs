using System.Buffers;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// Entries serialized on several threads and spliced in order must be, byte for byte, what one
/// writer gives writing them in place: manifest.json is compared across runs and by state:modified.
/// </summary>
public sealed class JsonFragmentsTests
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Entries_spliced_from_fragments_are_the_bytes_written_in_place(int depth)
    {
        // More entries than one batch, so that batches follow one another too.
        var entries = Enumerable.Range(0, 1_300).Select(Entry).ToList();

        Assert.That(Write(depth, json => JsonFragments.WriteEntries(json, entries, depth, e => e.Key, (w, e) => JsonValueWriter.Write(w, e.Value))),
            Is.EqualTo(Write(depth, json =>
            {
                foreach (var (key, value) in entries)
                {
                    json.WritePropertyName(key);
                    JsonValueWriter.Write(json, value);
                }
            })));
    }

    [Test]
    public void No_entries_leave_an_empty_object()
    {
        var text = Write(2, json => JsonFragments.WriteEntries(json, new List<string>(), 2, s => s, (w, s) => w.WriteStringValue(s)));

        Assert.That(text, Is.EqualTo("{\n  \"_0\": {}\n}"));
    }

    private static KeyValuePair<string, object?> Entry(int i) => new($"model.p.m_{i} \"é<\"", (i % 4) switch
    {
        0 => new Dictionary<string, object?> { ["name"] = $"m_{i}", ["tags"] = new List<object?> { "a", i }, ["empty"] = new Dictionary<string, object?>(), ["none"] = new List<object?>() },
        1 => new List<object?> { new Dictionary<string, object?> { ["x"] = 1.5, ["y"] = null }, "ünï\n\"code\"" },
        2 => $"select {i}",
        _ => new Dictionary<string, object?>(),
    });

    // The entries inside `depth` nested objects, as the manifest's nodes sit inside the root and "nodes".
    private static string Write(int depth, Action<Utf8JsonWriter> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            for (var level = 1; level < depth; level++) json.WriteStartObject($"_{level - 1}");
            entries(json);
            for (var level = 1; level < depth; level++) json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
