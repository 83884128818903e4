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

    // One entry (written in place), one chunk and a partial one, and more chunks than are serialized ahead of the output.
    [TestCase(1, 1_300)]
    [TestCase(2, 1_300)]
    [TestCase(3, 1_300)]
    [TestCase(2, 1)]
    [TestCase(2, 2)]
    [TestCase(2, 40)]
    [TestCase(2, 3_000)]
    public void Entries_spliced_from_fragments_are_the_bytes_written_in_place(int depth, int count)
    {
        var entries = Enumerable.Range(0, count).Select(Entry).ToList();

        Assert.That(Write(depth, (json, stream) => JsonFragments.WriteEntries(json, stream, entries, depth, e => e.Key, (w, e) => JsonValueWriter.Write(w, e.Value))),
            Is.EqualTo(Write(depth, (json, _) =>
            {
                foreach (var (key, value) in entries)
                {
                    json.WritePropertyName(key);
                    JsonValueWriter.Write(json, value);
                }
            })));
    }

    // Each chunk's buffer starts at the size the last one needed: a run of large entries, then small ones, then large
    // again (a chunk far larger or smaller than its buffer) must splice the same bytes.
    [Test]
    public void Runs_of_large_and_small_entries_are_the_bytes_written_in_place()
    {
        var entries = Enumerable.Range(0, 1_000).Select(i => new KeyValuePair<string, object?>($"n{i}",
            i is >= 100 and < 300 or >= 700 and < 720 ? $"select '{new string((char)('a' + i % 26), 20_000 + i)}\n'" : $"select {i}")).ToList();

        Assert.That(Write(2, (json, stream) => JsonFragments.WriteEntries(json, stream, entries, 2, e => e.Key, (w, e) => JsonValueWriter.Write(w, e.Value))),
            Is.EqualTo(Write(2, (json, _) =>
            {
                foreach (var (key, value) in entries)
                {
                    json.WritePropertyName(key);
                    JsonValueWriter.Write(json, value);
                }
            })));
    }

    // The manifest's index records where each node's value lies: the first entry (in place) and every chunk's.
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3_000)]
    public void Each_value_range_is_reported_once_in_order_and_holds_that_value(int count)
    {
        var entries = Enumerable.Range(0, count).Select(Entry).ToList();
        var ranges = new List<(int Item, long Start, long End)>();
        var buffer = new MemoryStream();
        var output = new CountingWriteStream(buffer);
        using (var json = new Utf8JsonWriter(output, Indented))
        {
            json.WriteStartObject();
            json.WriteStartObject("nodes");
            JsonFragments.WriteEntries(json, output, entries, 2, e => e.Key, (w, e) => JsonValueWriter.Write(w, e.Value),
                (item, start, end) => ranges.Add((item, start, end)));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        var bytes = buffer.ToArray();

        Assert.That(ranges.Select(r => r.Item), Is.EqualTo(Enumerable.Range(0, count)));
        foreach (var (item, start, end) in ranges)
        {
            var value = new MemoryStream();
            using (var json = new Utf8JsonWriter(value)) JsonValueWriter.Write(json, entries[item].Value);
            using var inFile = JsonDocument.Parse(bytes.AsMemory((int)start, (int)(end - start)));
            using var alone = JsonDocument.Parse(value.ToArray());
            Assert.That(JsonSerializer.Serialize(inFile.RootElement), Is.EqualTo(JsonSerializer.Serialize(alone.RootElement)), $"entry {item}");
        }
    }

    [Test]
    public void An_entry_that_throws_ends_the_write_with_its_exception()
    {
        var entries = Enumerable.Range(0, 5_000).ToList();

        var thrown = Assert.Catch(() => Write(2, (json, stream) => JsonFragments.WriteEntries(json, stream, entries, 2, i => $"e{i}", (w, i) =>
        {
            if (i == 2_500) throw new InvalidOperationException("entry 2500");
            w.WriteNumberValue(i);
        })));

        Assert.That(thrown!.ToString(), Does.Contain("entry 2500"));
    }

    [Test]
    public void No_entries_leave_an_empty_object()
    {
        var text = Write(2, (json, stream) => JsonFragments.WriteEntries(json, stream, new List<string>(), 2, s => s, (w, s) => w.WriteStringValue(s)));

        Assert.That(text, Is.EqualTo("{\n  \"_0\": {}\n}"));
    }

    private static KeyValuePair<string, object?> Entry(int i) => new($"model.p.m_{i} \"é<\"", (i % 4) switch
    {
        0 => new Dictionary<string, object?> { ["name"] = $"m_{i}", ["tags"] = new List<object?> { "a", i }, ["empty"] = new Dictionary<string, object?>(), ["none"] = new List<object?>() },
        1 => new List<object?> { new Dictionary<string, object?> { ["x"] = 1.5, ["y"] = null }, "ünï\n\"code\"" },
        // Now and then a value larger than a chunk's first buffer, as a model's SQL can be.
        2 => i % 100 == 2 ? $"select '{new string('x', 300_000)}' as {i}" : $"select {i}",
        _ => new Dictionary<string, object?>(),
    });

    // The entries inside `depth` nested objects, as the manifest's nodes sit inside the root and "nodes".
    private static string Write(int depth, Action<Utf8JsonWriter, Stream> entries)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            for (var level = 1; level < depth; level++) json.WriteStartObject($"_{level - 1}");
            entries(json, buffer);
            for (var level = 1; level < depth; level++) json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
