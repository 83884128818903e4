using ModelForge.Compiler.Caching;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Caching;

public sealed class ContentHashTests
{
    [TestCase("model.shop.orders", "Model", "shop", "", "select 1 as id")]
    [TestCase("test.shop.not_null_orders_id.5f1b", "Test", "shop", "{column_name: id}", "{{ test_not_null(**_kwargs) }}")]
    [TestCase("model.shop.ünïcode", "Model", "shop", "", "select '€' as price, '\uFEFF' as bom")]
    public void Hashing_lines_equals_hashing_their_joined_text(string id, string type, string package, string kwargs, string text)
    {
        Assert.That(ContentHash.OfLines(id, type, package, kwargs, text), Is.EqualTo(ContentHash.Of($"{id}\n{type}\n{package}\n{kwargs}\n{text}")));
    }

    [Test]
    public void Hashing_a_builder_equals_hashing_its_string_across_chunks_and_split_pairs()
    {
        // Appended piece by piece the builder grows in chunks; the emoji's two halves are appended apart.
        var text = new System.Text.StringBuilder(16);
        for (var i = 0; i < 500; i++) text.Append("col_").Append(i).Append('\u0001').Append("é€");
        text.Append('\uD83D');
        text.Append('\uDE00');
        text.Append(new string('x', 5000));

        var chunks = 0;
        foreach (var _ in text.GetChunks()) chunks++;
        Assert.That(chunks, Is.GreaterThan(1));
        Assert.That(ContentHash.Of(text), Is.EqualTo(ContentHash.Of(text.ToString())));
        Assert.That(ContentHash.Of(new System.Text.StringBuilder()), Is.EqualTo(ContentHash.Of("")));
    }
}
