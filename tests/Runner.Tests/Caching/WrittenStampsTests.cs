using ModelForge.Runner.Execution;
using ModelForge.Runner.Memo;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Caching;

/// <summary>The memo's listing of an output folder takes the stamps the compile's writes left for the files it wrote, and stats the rest.</summary>
public sealed class WrittenStampsTests
{
    private string _root = null!;
    private string _compiled = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Directory.CreateTempSubdirectory("forge-stamps-").FullName;
        _compiled = Path.Combine(_root, "target", "compiled");
        Directory.CreateDirectory(Path.Combine(_compiled, "sub"));
        foreach (var name in new[] { "a.sql", "sub/b.sql", "other.sql" }) File.WriteAllText(Path.Combine(_compiled, name), "select 1");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Files_written_here_are_listed_with_their_writes_stamps_and_the_rest_are_stat_ed()
    {
        // Stamps no stat would give: an entry that carries one was not stat'ed.
        var written = new WrittenStamps(_compiled, _root,
            ["target/compiled/a.sql", "target/compiled/sub/b.sql", "target/compiled/other.sql", "elsewhere/c.sql"],
            [new WrittenFile(123, 42), new WrittenFile(456, 43), null, new WrittenFile(789, 44)]);
        written.Index();

        var entries = Scanner.List(new Scan(_compiled, ScanMode.OutputTree), null, DateTime.UtcNow.Ticks, written).ToDictionary(e => e.Path);

        Assert.That(entries.Keys, Is.EquivalentTo(new[] { "a.sql", "other.sql", "sub", "sub/b.sql" }));
        Assert.That((entries["a.sql"].Length, entries["a.sql"].Ticks), Is.EqualTo((123L, 42L)));
        Assert.That((entries["sub/b.sql"].Length, entries["sub/b.sql"].Ticks), Is.EqualTo((456L, 43L)));
        var other = new FileInfo(Path.Combine(_compiled, "other.sql"));
        Assert.That((entries["other.sql"].Length, entries["other.sql"].Ticks), Is.EqualTo((other.Length, other.LastWriteTimeUtc.Ticks)), "not written here: stat'ed");
        Assert.That(entries["sub"].IsFolder, Is.True);
    }

    [Test]
    public void A_written_file_removed_since_is_not_listed()
    {
        File.Delete(Path.Combine(_compiled, "a.sql"));
        var written = new WrittenStamps(_compiled, _root, ["target/compiled/a.sql"], [new WrittenFile(123, 42)]);
        written.Index();

        var entries = Scanner.List(new Scan(_compiled, ScanMode.OutputTree), null, DateTime.UtcNow.Ticks, written);

        Assert.That(entries.Select(e => e.Path), Does.Not.Contain("a.sql"));
    }
}
