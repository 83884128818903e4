using System.Text;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>
/// Differential test: documents assembled at random (fixed seed) from the pieces that make YAML
/// tricky (indentation steps, ':' and '#' inside scalars, quotes, blank and comment lines, block
/// scalars, flow collections, trailing spaces, CRLF). Whenever the fast reader takes one, YamlDotNet
/// must read it too, to the same events. FORGE_YAML_SEED runs another seed.
/// </summary>
public sealed class YamlFastParserRandomTests
{
    private static readonly string[] Keys = ["a", "name", "key with space", "\"quoted\"", "'single'", "k:v", "x#y", "-dash", "?q", "1", "yes", "null"];

    private static readonly string[] Scalars =
    [
        "plain", "two words", "x: y", "x:y", "a #comment", "a#b", "'it''s'", "\"esc \\\" \\n \\t\"", "\"\"", "''", "-1", "- item",
        "? q", ":", "::", "@x", "`x`", "%x", "&a", "*a", "!t", "[1, 2]", "[a, 'b', \"c\"]", "{k: v}", "{k: [1, {m: n}]}", "[]", "{}",
        "[a,b]", "{a: 1,b: 2}", "[a, ]", "{a}", "[a: b]", "~", "\"multi\n  line\"", "'multi\n\n  line'", "plain\n  continued",
        "plain\n\n  para", "|\n  lit\n  lines", "|-\n  strip", "|+\n  keep\n\n", ">\n  fold\n  ed\n\n  p\n    more", ">-\n  x", "|\n    deeper\n  shallower",
        "\"a\\\n  b\"", "x   ", "\"unterminated", "'bad\" mix", "a\tb", "é ü", "\uD83D\uDE00 emoji", "'\uD83C\uDF89'", "|\n\n  after blank", "|\n  \n  ws line",
    ];

    [Test]
    public void Random_documents_read_the_same_with_both_readers_wherever_the_fast_reader_takes_them()
    {
        var random = new Random(int.Parse(Environment.GetEnvironmentVariable("FORGE_YAML_SEED") ?? "20261206"));
        var taken = 0;
        var failures = new List<string>();
        for (var n = 0; n < 100_000 && failures.Count < 10; n++)
        {
            var text = Document(random);
            if (random.Next(4) == 0) text = text.Replace("\n", "\r\n");
            var fast = YamlEventStream.Fast(text);
            if (fast is null) continue;
            taken++;
            var reference = YamlEventStream.Reference(text);
            if (reference is null || !fast.SequenceEqual(reference))
                failures.Add(Escape(text) + "\n  YamlDotNet: " + (reference is null ? "error" : FirstDifference(reference, fast)));
        }
        TestContext.Out.WriteLine($"{taken} of 100,000 random documents taken by the fast reader");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(taken, Is.GreaterThan(10_000));
    }

    private static string Document(Random random)
    {
        var text = new StringBuilder();
        Block(random, text, 0, random.Next(1, 4));
        if (random.Next(3) == 0) text.Append(random.Next(2) == 0 ? "# end" : "  ");
        return text.ToString();
    }

    private static void Block(Random random, StringBuilder text, int indent, int depth)
    {
        var sequence = random.Next(3) == 0;
        var entries = random.Next(1, 4);
        for (var i = 0; i < entries; i++)
        {
            // Mostly the collection's own indentation; sometimes a step off, which must be refused or agreed on.
            var pad = indent + (random.Next(12) == 0 ? random.Next(-1, 2) : 0);
            text.Append(' ', Math.Max(0, pad));
            text.Append(sequence ? "-" : Keys[random.Next(Keys.Length)] + ":");
            if (depth > 0 && random.Next(3) == 0)
            {
                if (random.Next(4) == 0) text.Append(" # note");
                text.Append('\n');
                var step = sequence || random.Next(4) != 0 ? random.Next(1, 4) : 0;
                Block(random, text, indent + step, depth - 1);
            }
            else
            {
                text.Append(' ');
                var scalar = Scalars[random.Next(Scalars.Length)];
                text.Append(scalar.Replace("\n", "\n" + new string(' ', indent)));
                if (random.Next(6) == 0) text.Append(" # trailing");
                text.Append('\n');
            }
            if (random.Next(8) == 0) text.Append(random.Next(2) == 0 ? "\n" : new string(' ', random.Next(6)) + "# comment\n");
        }
    }

    private static string FirstDifference(List<string> expected, List<string> actual)
    {
        var at = Enumerable.Range(0, Math.Max(expected.Count, actual.Count)).First(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i]);
        return $"{(at < expected.Count ? expected[at] : "(end)")}\n  fast:       {(at < actual.Count ? actual[at] : "(end)")}";
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
