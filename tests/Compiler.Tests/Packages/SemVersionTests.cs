using ModelForge.Compiler.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class SemVersionTests
{
    [TestCase("1.2.3", true)]
    [TestCase("0.0.1-b1", true)]
    [TestCase("1.0.0b2", true)]
    [TestCase("1.0.0+build.5", true)]
    [TestCase("1.0", false)]
    [TestCase("01.0.0", false)]
    [TestCase("v1.0.0", false)]
    public void Versions_need_three_parts_as_in_dbt(string text, bool valid) =>
        Assert.That(SemVersion.Parse(text) is not null, Is.EqualTo(valid));

    [Test]
    public void Prereleases_sort_before_their_release_and_by_identifiers()
    {
        var ordered = new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1" };
        var shuffled = ordered.Reverse().Select(v => SemVersion.Parse(v)!).OrderBy(v => v).Select(v => v.ToString());
        Assert.That(shuffled, Is.EqualTo(ordered));
    }

    [Test]
    public void Ranges_intersect_to_the_tightest_bounds()
    {
        var range = VersionRange.Parse(">=1.0.0")!.Intersect(VersionRange.Parse("<2.0.0")!).Intersect(VersionRange.Parse(">1.2.0")!);
        Assert.That(range.ToString(), Is.EqualTo(">1.2.0, <2.0.0"));
        Assert.That(range.Contains(SemVersion.Parse("1.2.0")!), Is.False);
        Assert.That(range.Contains(SemVersion.Parse("1.9.9")!), Is.True);
        Assert.That(range.Contains(SemVersion.Parse("2.0.0")!), Is.False);
    }

    [Test]
    public void An_exact_version_outside_a_range_leaves_nothing()
    {
        Assert.That(VersionRange.Parse("1.5.0")!.Intersect(VersionRange.Parse("<1.5.0")!).IsEmpty, Is.True);
        Assert.That(VersionRange.Parse("=1.5.0")!.Intersect(VersionRange.Parse("<=1.5.0")!).IsEmpty, Is.False);
    }

    [TestCase(">= 1.0.0")]
    [TestCase("<=0.9.1")]
    [TestCase("=2.0.0-rc1")]
    public void Matchers_are_read(string text) => Assert.That(VersionRange.Parse(text), Is.Not.Null);

    [TestCase("~1.0.0")]
    [TestCase("^1.0.0")]
    [TestCase(">=1.0")]
    public void Unsupported_matchers_are_rejected(string text) => Assert.That(VersionRange.Parse(text), Is.Null);
}
