using System.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>The four-call read of a regular file, and what it leaves to the FileStream path.</summary>
public sealed class UnixFileTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("Linux and macOS only");
        _dir = Directory.CreateTempSubdirectory("forge-unixfile-").FullName;
    }

    [TearDown]
    public void RemoveFolder()
    {
        if (_dir.Length > 0) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void A_regular_file_is_read_whole_into_a_grown_buffer()
    {
        var path = Path.Combine(_dir, "orders.sql");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)('a' + i % 26)).ToArray();
        File.WriteAllBytes(path, bytes);
        var buffer = new byte[16];

        var read = UnixFile.TryRead(path, ref buffer, 1_000_000);

        Assert.That(read, Is.EqualTo(bytes.Length));
        Assert.That(buffer.AsSpan(0, read).SequenceEqual(bytes), Is.True);
    }

    [Test]
    public void Empty_missing_oversized_files_folders_and_pipes_are_left_to_the_caller()
    {
        File.WriteAllText(Path.Combine(_dir, "empty.sql"), "");
        File.WriteAllText(Path.Combine(_dir, "big.sql"), "select 1");
        Directory.CreateDirectory(Path.Combine(_dir, "folder.sql"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_dir, "pipe.sql"))) mkfifo.WaitForExit();
        var buffer = new byte[16];

        Assert.Multiple(() =>
        {
            Assert.That(UnixFile.TryRead(Path.Combine(_dir, "empty.sql"), ref buffer, 100), Is.Zero);
            Assert.That(UnixFile.TryRead(Path.Combine(_dir, "missing.sql"), ref buffer, 100), Is.Zero);
            Assert.That(UnixFile.TryRead(Path.Combine(_dir, "big.sql"), ref buffer, 4), Is.Zero);
            Assert.That(UnixFile.TryRead(Path.Combine(_dir, "folder.sql"), ref buffer, 100), Is.Zero);
            Assert.That(UnixFile.TryRead(Path.Combine(_dir, "pipe.sql"), ref buffer, 100), Is.Zero);
        });
    }

    [Test]
    public void An_empty_model_file_loads_as_empty_text()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/empty.sql", "").Write("models/orders.sql", "select 1 as id");

        var project = dir.LoadClean();

        Assert.That(project.Models.Select(m => (m.Name, m.Source.Text)), Is.EqualTo(new[] { ("empty", ""), ("orders", "select 1 as id") }));
    }

    [Test]
    public void A_new_file_is_created_with_its_bytes_and_its_stamp()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Linux only");
        var path = Path.Combine(_dir, "orders.sql");
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)('a' + i % 26)).ToArray();

        Assert.That(UnixFile.TryCreate(path, bytes, out var stamp), Is.EqualTo(UnixFile.Creation.Created));

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
        Assert.That(stamp, Is.EqualTo(LinuxStat.Of(path)));
        Assert.That(stamp!.Value.Kind, Is.EqualTo(FileStampKind.File));
    }

    [Test]
    public void An_existing_file_is_left_as_it_is_and_a_missing_folder_leaves_nothing()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Linux only");
        var path = Path.Combine(_dir, "orders.sql");
        File.WriteAllText(path, "select 1");

        Assert.That(UnixFile.TryCreate(path, "select 2"u8, out var stamp), Is.EqualTo(UnixFile.Creation.Exists));
        Assert.That(File.ReadAllText(path), Is.EqualTo("select 1"));
        Assert.That(stamp, Is.Null);

        var inMissing = Path.Combine(_dir, "missing", "orders.sql");
        Assert.That(UnixFile.TryCreate(inMissing, "select 2"u8, out _), Is.EqualTo(UnixFile.Creation.NotDone));
        Assert.That(File.Exists(inMissing), Is.False);
    }
}
