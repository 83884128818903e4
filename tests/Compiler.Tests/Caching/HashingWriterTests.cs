using System.Text;
using ModelForge.Compiler.Caching;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Caching;

public sealed class HashingWriterTests
{
    [Test]
    public void The_hash_is_that_of_everything_appended_across_flushes_and_surrogate_pairs()
    {
        // Long enough to flush several times; an emoji (a surrogate pair) at every length modulo the flush size.
        var text = new StringBuilder();
        using var writer = new HashingWriter();
        for (var i = 0; i < 20_000; i++)
        {
            var part = i % 7 == 0 ? "a😀" : $"model.shop.m{i}";
            text.Append(part).Append('\u0001');
            writer.Append(part).Append('\u0001');
        }
        text.Append(new string('x', 40_000));
        writer.Append(new string('x', 40_000));

        Assert.That(writer.Hash(), Is.EqualTo(ContentHash.Sha256Hex(text.ToString())));
    }

    [Test]
    public void A_pair_split_between_two_appends_across_a_flush_hashes_as_one_character()
    {
        using var writer = new HashingWriter();
        var filler = new string('x', 16 * 1024 - 1);
        writer.Append(filler).Append('\uD83D');
        writer.Append('\uDE00').Append("tail");

        Assert.That(writer.Hash(), Is.EqualTo(ContentHash.Sha256Hex(filler + "\uD83D\uDE00tail")));
    }

    [Test]
    public void Nothing_appended_hashes_as_the_empty_text()
    {
        using var writer = new HashingWriter();

        Assert.That(writer.Hash(), Is.EqualTo(ContentHash.Sha256Hex("")));
    }
}
