using System.Security.Cryptography;
using System.Text;
using ModelForge.Compiler.Compilation.DataTests;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

/// <summary>The managed MD5 behind test ids and long test names agrees with the platform's.</summary>
public sealed class Md5Tests
{
    [Test]
    public void Agrees_with_the_platform_md5_across_block_boundaries_and_non_ascii_text()
    {
        var random = new Random(18);
        var texts = new List<string> { "", "a", "abc", "unique_orders_id{'kwargs': {'column_name': 'id'}}", "naïve ☃ 😀" };
        // Every length around the 55/56/64-byte padding edges, and some long ones.
        for (var length = 1; length < 300; length++)
            texts.Add(new string(Enumerable.Range(0, length).Select(_ => (char)random.Next(32, 127)).ToArray()));

        foreach (var text in texts)
        {
            var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
            Assert.That(Md5.HexOf(text), Is.EqualTo(expected), $"length {text.Length}");
        }
    }

    [Test]
    public void Known_digest() =>
        Assert.That(Md5.HexOf("The quick brown fox jumps over the lazy dog"), Is.EqualTo("9e107d9d372bb6826bd81d3542a419d6"));
}
