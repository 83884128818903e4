using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>Artifacts are replaced whole or not at all (the full-disk case, whose write fails midway).</summary>
public sealed class AtomicFileTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "forge-atomic-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_write_that_fails_midway_leaves_the_previous_file_and_no_partial_one()
    {
        var path = Path.Combine(_folder, "run_results.json");
        File.WriteAllText(path, "{\"previous\": true}");

        Assert.Throws<IOException>(() =>
        {
            using var file = AtomicFile.Create(path);
            file.Stream.Write("{\"results\": ["u8);
            file.Stream.Flush();
            throw new IOException("No space left on device");
        });

        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"previous\": true}"));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void A_completed_write_replaces_the_file()
    {
        var path = Path.Combine(_folder, "manifest.json");
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllBytes(path, "new"u8);
        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void An_unwritable_folder_gives_an_error_and_no_file()
    {
        var path = Path.Combine(_folder, "no_such_parent_file", "x.json");
        File.WriteAllText(Path.Combine(_folder, "no_such_parent_file"), "a file where a folder should be");
        Assert.That(() => AtomicFile.WriteAllBytes(path, "x"u8), Throws.InstanceOf<IOException>());
    }
}
