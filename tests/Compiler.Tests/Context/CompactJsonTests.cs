using System.Text.Json;
using ModelForge.Compiler.Context.Functions;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>CompactJson writes what System.Text.Json's serializer wrote before it (fixture rows, semantic layer inputs).</summary>
public sealed class CompactJsonTests
{
    private static IEnumerable<object?> Values()
    {
        yield return null;
        yield return true;
        yield return 42L;
        yield return 7;
        yield return 1.5;
        yield return 0.1 + 0.2;
        yield return 12.340m;
        yield return "plain";
        yield return "quote \" backslash \\ <tag> & 'apostrophe' + é ü 中 \n\t\u0001";
        yield return new DateTime(2024, 3, 5, 14, 7, 0, DateTimeKind.Unspecified);
        yield return new DateTimeOffset(2024, 3, 5, 14, 7, 0, TimeSpan.FromHours(2));
        yield return new Dictionary<string, object?> { ["a"] = 1L, ["b <c>"] = new List<object?> { "x", null, 2.5, new Dictionary<string, object?>() } };
        yield return new Dictionary<string, string> { ["k"] = "v" };
        yield return new List<object?> { new List<object?> { 1L }, false };
    }

    [TestCaseSource(nameof(Values))]
    public void Writes_what_the_serializer_wrote(object? value) =>
        Assert.That(CompactJson.Serialize(value), Is.EqualTo(JsonSerializer.Serialize(value)));

    [TestCase("plain")]
    [TestCase("quote \" and <script> & é")]
    [TestCase("")]
    public void Quotes_strings_as_the_serializer_did(string text) =>
        Assert.That(CompactJson.Quote(text), Is.EqualTo(JsonSerializer.Serialize(text)));

    [Test]
    public void A_value_that_contains_itself_is_refused()
    {
        var list = new List<object?>();
        list.Add(list);
        Assert.That(() => CompactJson.Serialize(list), Throws.InstanceOf<Exception>().With.Message.Contains("contains itself"));
    }
}
