using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// The key of a manifest entry: values the JSON writer writes differently must never share a key (the
/// last file's bytes would be copied for them), and equal values must share one (or nothing is reused).
/// </summary>
public sealed class NodeHashSinkTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("field");

    private static readonly object?[] Values =
    [
        null, "", "1", "é", "éa", "e", "\uD800", "\uFFFD", 1, 1L, 1.0, 1.5, -0.0, 0.0, 1.0m, 1.00m, true, false, "true", double.NaN, "NaN",
        new List<object?> { "a", "b" }, new List<object?> { "ab" }, new List<object?> { "a", new List<object?> { "b" } },
        new List<object?> { new List<object?> { "a" }, "b" }, new List<object?>(), new Dictionary<string, object?>(),
        new Dictionary<string, object?> { ["a"] = "b" }, new Dictionary<string, object?> { ["ab"] = "" },
        new Dictionary<string, object?> { ["a"] = new Dictionary<string, object?> { ["b"] = null } },
        new Dictionary<string, object?> { ["a"] = null, ["b"] = null }, new Dictionary<string, object?> { ["b"] = null, ["a"] = null },
    ];

    [Test]
    public void Values_written_differently_have_different_keys()
    {
        var keys = new Dictionary<UInt128, string>();
        foreach (var value in Values)
        {
            var json = Json(value);
            if (keys.TryGetValue(Key(value), out var other)) Assert.That(json, Is.EqualTo(other), "two values written differently share a key");
            keys[Key(value)] = json;
        }
    }

    [Test]
    public void Equal_values_have_equal_keys()
    {
        Assert.That(Key(new Dictionary<string, object?> { ["a"] = new List<object?> { 1, "x" } }),
            Is.EqualTo(Key(new Dictionary<string, object?> { ["a"] = new List<object?> { 1, "x" } })));
    }

    [Test]
    public void Where_one_field_ends_and_the_next_begins_is_part_of_the_key()
    {
        var first = NodeHashSink.ForThread();
        first.String(Name, "ab");
        first.String(Name, "c");
        var a = first.Hash();
        var second = NodeHashSink.ForThread();
        second.String(Name, "a");
        second.String(Name, "bc");

        Assert.That(second.Hash(), Is.Not.EqualTo(a));
    }

    private static UInt128 Key(object? value)
    {
        var sink = NodeHashSink.ForThread();
        sink.Value(Name, value);
        return sink.Hash();
    }

    private static string Json(object? value)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
            JsonValueWriter.Write(json, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
