using ModelForge.Runner.Memo;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>The project file's target-path as the memo guesses it before the project loads: only values it can trust.</summary>
public sealed class ProjectTargetPathTests
{
    [TestCase("target-path: out\n", "out")]
    [TestCase("name: x\ntarget-path: \"build/out\"  # artifacts\n", "build/out")]
    [TestCase("target-path: 'my target'\r\nname: x\r\n", "my target")]
    [TestCase("target-path:\tdeep/out   \n", "deep/out")]
    [TestCase("target-path: out#comment\n", "out")]
    [TestCase("target-path: out it goes # spaced\n", "out it goes")]
    [TestCase("target-path: \"a'b\"\n", "a'b")]
    [TestCase("target-path: 'a\"b'\n", "a\"b")]
    [TestCase("target-path: out", "out")]
    public void A_plain_or_quoted_top_level_value_is_taken(string text, string expected) =>
        Assert.That(ProjectTargetPath.Find(text), Is.EqualTo(expected));

    [TestCase("name: x\n", TestName = "no key")]
    [TestCase("  target-path: out\n", TestName = "indented")]
    [TestCase("target-path: \"{{ env_var('OUT') }}\"\n", TestName = "templated, quoted")]
    [TestCase("target-path: {{ env_var('OUT') }}\n", TestName = "templated, plain")]
    [TestCase("target-path: out{x}\n", TestName = "braces inside")]
    [TestCase("target-path: \"a\\\\b\"\n", TestName = "backslash in double quotes")]
    [TestCase("target-path: \"out\" trailing\n", TestName = "text after the quotes")]
    [TestCase("target-path: \"out\n", TestName = "unclosed quote")]
    [TestCase("target-path:\n", TestName = "no value")]
    [TestCase("target-path: \"\"\n", TestName = "empty quotes")]
    [TestCase("target-path: # only a comment\n", TestName = "only a comment")]
    [TestCase("target-path: a\ntarget-path: b\n", TestName = "twice")]
    public void Anything_else_is_no_guess(string text) => Assert.That(ProjectTargetPath.Find(text), Is.Null);

    [Test]
    public void A_line_it_cannot_read_does_not_count_against_one_it_can() =>
        Assert.That(ProjectTargetPath.Find("target-path: \"{{ x }}\"\ntarget-path: out\n"), Is.EqualTo("out"));
}
