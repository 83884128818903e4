using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Caching;

/// <summary>Cache records read back what was written: strings on both sides of the one-byte length, and exact value types.</summary>
public sealed class CacheRecordsTests
{
    private static IEnumerable<string> Strings()
    {
        yield return "";
        yield return "a";
        yield return new string('x', 127);
        yield return new string('x', 128);
        yield return new string('é', 63);
        yield return new string('é', 64);
        yield return new string('日', 127);
        yield return "model.shop.orders \u0000 \t \"quoted\" 😀";
        yield return new string('y', 70_000);
    }

    [TestCaseSource(nameof(Strings))]
    public void A_string_reads_back_as_written(string text)
    {
        var writer = RecordWriter.Rent();
        writer.Write(text);
        writer.Write(7);
        var bytes = writer.ToArray();
        writer.Return();

        var reader = new RecordReader(bytes);
        Assert.That(reader.ReadString(), Is.EqualTo(text));
        Assert.That(reader.ReadInt32(), Is.EqualTo(7));
        Assert.That(reader.AtEnd, Is.True);
    }

    [Test]
    public void Values_read_back_with_their_exact_types()
    {
        var mapping = new Dictionary<string, object?>(StringComparer.Ordinal) { ["b"] = 1L, ["a"] = new List<object?> { "x", 2.5, true, null } };
        var dict = new TemplateDict(1);
        dict.Set("k", new object?[] { "t", 3L });
        var writer = RecordWriter.Rent();
        Assert.That(ExactValues.Write(writer, mapping), Is.True);
        Assert.That(ExactValues.Write(writer, dict), Is.True);
        var bytes = writer.ToArray();

        var reader = new RecordReader(bytes);
        var readMapping = (Dictionary<string, object?>)ExactValues.Read(ref reader)!;
        Assert.That(readMapping.Keys, Is.EqualTo(new[] { "b", "a" }), "insertion order kept");
        Assert.That(readMapping["b"], Is.TypeOf<long>());
        Assert.That(readMapping["a"], Is.EqualTo(new List<object?> { "x", 2.5, true, null }).And.TypeOf<List<object?>>());
        var readDict = (TemplateDict)ExactValues.Read(ref reader)!;
        Assert.That(readDict.TryGet((object)"k", out var tuple), Is.True);
        Assert.That(tuple, Is.EqualTo(new object?[] { "t", 3L }).And.TypeOf<object?[]>());

        writer.Return();
        writer = RecordWriter.Rent();
        Assert.That(ExactValues.Write(writer, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)), Is.False, "another comparer is not kept");
        Assert.That(ExactValues.Write(writer, 1), Is.False, "an int is not a long");
        Assert.That(ExactValues.Write(writer, new object()), Is.False);
        writer.Return();
    }
}
