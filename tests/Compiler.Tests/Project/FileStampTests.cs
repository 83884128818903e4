using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class FileStampTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "forge-stamp-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_file_has_the_size_and_write_time_FileInfo_reports_to_the_tick()
    {
        var path = Path.Combine(_root, "modèle é.sql");
        File.WriteAllText(path, "select 1 as ünïcode");
        // An odd tick count: the time must be read with its sub-second part, not rounded.
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 12, 6, 23, 40, 1, DateTimeKind.Utc).AddTicks(1_234_567));
        var info = new FileInfo(path);
        Assert.That(FileStamp.Of(path), Is.EqualTo(new FileStamp(FileStampKind.File, info.Length, info.LastWriteTimeUtc.Ticks)));
    }

    [Test]
    public void A_folder_a_missing_path_and_a_path_longer_than_the_stack_buffer_are_told_apart()
    {
        Assert.That(FileStamp.Of(_root).Kind, Is.EqualTo(FileStampKind.Folder));
        Assert.That(FileStamp.Of(Path.Combine(_root, "absent.sql")).Kind, Is.EqualTo(FileStampKind.Missing));
        var deep = _root;
        while (deep.Length < 1400) deep = Path.Combine(deep, new string('d', 100));
        Directory.CreateDirectory(deep);
        var file = Path.Combine(deep, "m.sql");
        File.WriteAllText(file, "select 2");
        Assert.That(FileStamp.Of(file), Is.EqualTo(new FileStamp(FileStampKind.File, 8, new FileInfo(file).LastWriteTimeUtc.Ticks)));
    }

    [Test]
    public void A_symbolic_link_is_a_link_whether_or_not_its_target_exists()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links need privileges on Windows");
        var target = Path.Combine(_root, "target.sql");
        File.WriteAllText(target, "select 3");
        File.CreateSymbolicLink(Path.Combine(_root, "link.sql"), target);
        File.CreateSymbolicLink(Path.Combine(_root, "dangling.sql"), Path.Combine(_root, "gone.sql"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "folder-link"), _root);
        Assert.That(FileStamp.Of(Path.Combine(_root, "link.sql")).Kind, Is.EqualTo(FileStampKind.Link));
        Assert.That(FileStamp.Of(Path.Combine(_root, "dangling.sql")).Kind, Is.EqualTo(FileStampKind.Link));
        Assert.That(FileStamp.Of(Path.Combine(_root, "folder-link")).Kind, Is.EqualTo(FileStampKind.Link));
    }
}
