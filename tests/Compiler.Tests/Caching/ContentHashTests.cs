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
}
