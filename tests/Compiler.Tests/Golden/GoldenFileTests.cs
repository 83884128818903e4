using System.Text;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Golden;

public sealed class GoldenFileTests
{
    private string _dir = "";

    private string Verified => Path.Combine(_dir, "case.verified.txt");

    private string Received => Path.Combine(_dir, "case.received.txt");

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "forge-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Matching_output_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Verified, "select 1\n");
        File.WriteAllText(Received, "old");

        var failure = GoldenFile.Check(Verified, "select 1\n", update: false);

        Assert.That(failure, Is.Null);
        Assert.That(File.Exists(Received), Is.False);
    }

    [Test]
    public void Mismatch_writes_the_received_file_and_names_the_first_differing_line()
    {
        File.WriteAllText(Verified, "select\n  a,\n  b\nfrom t");

        var failure = GoldenFile.Check(Verified, "select\n  a,\n  b \nfrom t", update: false);

        Assert.That(failure, Does.Contain("line 3, column 4"));
        Assert.That(failure, Does.Contain("expected: ··b⏎"));
        Assert.That(failure, Does.Contain("actual:   ··b·⏎"));
        Assert.That(File.ReadAllText(Received), Is.EqualTo("select\n  a,\n  b \nfrom t"));
        Assert.That(File.ReadAllText(Verified), Is.EqualTo("select\n  a,\n  b\nfrom t"), "the verified file is never changed without the variable");
    }

    [Test]
    public void Comparison_is_byte_exact_about_line_endings_and_trailing_newlines()
    {
        File.WriteAllText(Verified, "a\nb");

        Assert.That(GoldenFile.Check(Verified, "a\r\nb", update: false), Does.Contain("actual:   a␍⏎"));
        Assert.That(GoldenFile.Check(Verified, "a\nb\n", update: false), Does.Contain("<no line 3: the text has 2>"));
    }

    [Test]
    public void Missing_verified_file_fails_and_writes_the_received_file()
    {
        var failure = GoldenFile.Check(Verified, "output", update: false);

        Assert.That(failure, Does.StartWith("No verified file"));
        Assert.That(File.ReadAllText(Received), Is.EqualTo("output"));
        Assert.That(File.Exists(Verified), Is.False);
    }

    [Test]
    public void Update_mode_overwrites_the_verified_file_and_deletes_the_received_file()
    {
        File.WriteAllText(Verified, "old");
        File.WriteAllText(Received, "old received");

        var failure = GoldenFile.Check(Verified, "new ✓\n", update: true);

        Assert.That(failure, Is.Null);
        Assert.That(File.ReadAllBytes(Verified), Is.EqualTo(Encoding.UTF8.GetBytes("new ✓\n")), "UTF-8 without a byte order mark");
        Assert.That(File.Exists(Received), Is.False);
    }

    [Test]
    public void Update_variable_is_ignored_where_updates_are_not_allowed()
    {
        File.WriteAllText(Verified, "from Jinja2");
        var before = Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable);
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, "1");
        try
        {
            Assert.That(() => GoldenFile.Verify(Verified, "ours", allowUpdate: false), Throws.TypeOf<AssertionException>());
            Assert.That(File.ReadAllText(Verified), Is.EqualTo("from Jinja2"));

            GoldenFile.Verify(Verified, "ours");
            Assert.That(File.ReadAllText(Verified), Is.EqualTo("ours"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, before);
        }
    }

    [Test]
    public void Received_file_sits_beside_the_verified_file_whatever_the_extension()
    {
        Assert.That(GoldenFile.ReceivedPathFor("/r/a.verified/m.verified.sql"), Is.EqualTo("/r/a.verified/m.received.sql"));
        Assert.That(() => GoldenFile.ReceivedPathFor("/r/a.verified/m.txt"), Throws.ArgumentException);
    }

    [Test]
    public void Long_lines_are_shown_around_the_difference()
    {
        var expected = new string('x', 300) + "a" + new string('y', 300);
        var actual = new string('x', 300) + "b" + new string('y', 300);

        var description = GoldenDiff.Describe(expected, actual);

        Assert.That(description, Does.Contain("column 301"));
        Assert.That(description, Does.Contain("…" + new string('x', 60) + "a"));
    }

    [Test]
    public void Repository_root_is_the_folder_with_the_solution()
    {
        Assert.That(File.Exists(Path.Combine(RepositoryRoot.Path, RepositoryRoot.Marker)), Is.True);
        Assert.That(RepositoryRoot.Path, Does.Not.Contain(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar));
    }
}
