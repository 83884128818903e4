using System.Buffers;
using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>Models' SQL escaped by forge's own loop must be the bytes Utf8JsonWriter writes for it.</summary>
public sealed class LongJsonStringTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("raw_code");

    private static IEnumerable<string> Texts()
    {
        var everyAscii = new string(Enumerable.Range(0, 128).Select(c => (char)c).ToArray());
        yield return string.Concat(Enumerable.Repeat(everyAscii, 5));
        yield return "select \"a\", 'b' from \"db\".\"t\"\n\twhere x < 1 and y > 2 & z + 1 = `q` -- \\ \r\n" + new string('x', 300);
        yield return new string('y', 1000);
        yield return "short 'one'";
        yield return "select 'é' as accented, '→' as arrow, '😀' as emoji" + new string(' ', 300);
        yield return string.Concat(Enumerable.Repeat("\"'", 400));
        // Short strings take the same loop on the stack; the sizes around where the stack gives way to a rented buffer.
        yield return "";
        yield return "plain";
        yield return "\"bench\".\"main\".\"dim_x\"";
        yield return "-- Singular test\nselect 1\n";
        yield return "a \"quote\" then é";
        yield return "é then a \"quote\"";
        yield return "\"" + new string('z', 510) + "\n";
        yield return "\"" + new string('z', 511) + "\n";
        yield return new string('\n', 512);
        yield return new string('\n', 513);
    }

    [TestCaseSource(nameof(Texts))]
    public void A_string_is_escaped_as_the_writer_escapes_it(string text)
    {
        Assert.That(Json(json => LongJsonString.Write(json, Name, text)), Is.EqualTo(Json(json => json.WriteString(Name, text))));
        Assert.That(Json(json => LongJsonString.Write(json, Name, Encoding.UTF8.GetBytes(text))), Is.EqualTo(Json(json => json.WriteString(Name, text))));
    }

    // The docs site's shards write SQL with a writer that does not indent.
    [TestCaseSource(nameof(Texts))]
    public void A_string_is_escaped_as_a_compact_writer_escapes_it(string text) =>
        Assert.That(Json(json => LongJsonString.Write(json, Name, text), indented: false), Is.EqualTo(Json(json => json.WriteString(Name, text), indented: false)));

    // Inside an object, between other fields, as in the manifest (indented) and the site's shards (compact).
    private static string Json(Action<Utf8JsonWriter> write, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            json.WriteString("before", "x");
            write(json);
            json.WriteNull("after");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
