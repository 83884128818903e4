using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

public sealed class ArtifactFilesTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "forge-artifacts-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Unchanged_content_is_not_rewritten_and_changed_content_is()
    {
        Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 1"), Is.Null);
        var path = Path.Combine(_root, "target/compiled/a.sql");
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);

        ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 1");
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(old), "same bytes: left alone");

        ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 2");
        Assert.That(File.ReadAllText(path), Is.EqualTo("select 2"));
    }

    [Test]
    public void The_written_length_and_time_are_what_a_stat_of_the_path_reads_after_the_write()
    {
        var path = Path.Combine(_root, "target/compiled/a.sql");
        foreach (var text in new[] { "select 'é' from long_table", "select 'é' from long_table", "select 1" })
        {
            if (File.Exists(path)) File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

            Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", System.Text.Encoding.UTF8.GetBytes(text), out var written), Is.Null);

            var info = new FileInfo(path);
            Assert.That(written, Is.EqualTo(new WrittenFile(info.Length, info.LastWriteTimeUtc.Ticks)), text);
        }
    }

    [Test]
    public void A_path_that_is_a_folder_is_a_diagnostic_naming_the_file()
    {
        Directory.CreateDirectory(Path.Combine(_root, "target/compiled/a.sql"));

        var error = ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 1");

        Assert.That(error?.Message, Does.Contain("cannot write target/compiled/a.sql"));
    }

    [Test]
    public void A_shorter_text_leaves_nothing_of_the_longer_one_it_replaces()
    {
        ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 1234567890 from long_table");

        Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 1"), Is.Null);

        Assert.That(File.ReadAllText(Path.Combine(_root, "target/compiled/a.sql")), Is.EqualTo("select 1"));
    }

    [Test]
    public void A_text_of_the_same_length_with_other_bytes_is_written_and_nothing_else_is_left()
    {
        ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 'é'");

        Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 'è'"), Is.Null);

        Assert.That(File.ReadAllText(Path.Combine(_root, "target/compiled/a.sql")), Is.EqualTo("select 'è'"));
        Assert.That(Directory.GetFiles(Path.Combine(_root, "target/compiled")).Select(Path.GetFileName), Is.EqualTo(new[] { "a.sql" }));
    }

    [Test]
    public void Files_written_at_once_into_a_new_folder_are_all_written()
    {
        // Threads race to create each folder, as a compile's Parallel.For does on a fresh target/.
        const int threads = 4;
        var errors = new List<string>();
        for (var round = 0; round < 300; round++)
        {
            using var start = new Barrier(threads);
            var folder = $"target/compiled/r{round}/models";
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                start.SignalAndWait();
                if (ArtifactFiles.TryWrite(_root, $"{folder}/m{i}.sql", $"select {i}") is { } error)
                    lock (errors) errors.Add(error.Message);
            });
        }

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void A_folder_removed_between_writes_is_created_again()
    {
        ArtifactFiles.TryWrite(_root, "target/x/a.sql", "select 1");
        Directory.Delete(Path.Combine(_root, "target"), recursive: true);

        Assert.That(ArtifactFiles.TryWrite(_root, "target/x/b.sql", "select 2"), Is.Null);
        Assert.That(File.Exists(Path.Combine(_root, "target/x/b.sql")));
    }

    [Test]
    public void An_unwritable_path_is_a_diagnostic_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_root, "target"), "a file, not a folder");

        var error = ArtifactFiles.TryWrite(_root, "target/compiled/a.sql", "select 1");

        Assert.That(error, Is.Not.Null);
        Assert.That(error!.ToString(), Does.StartWith("target/compiled/a.sql: error MF1903"));
    }

    [Test]
    public void Folders_are_created_up_front_once_each_and_one_that_cannot_be_is_left_to_its_write()
    {
        File.WriteAllText(Path.Combine(_root, "blocked"), "a file, not a folder");

        ArtifactFiles.CreateFolders(_root, ["target/compiled/a/x.sql", "target/compiled/a/y.sql", "target/compiled/b/schema.yml/t.sql", "top.sql", "blocked/z.sql"]);

        Assert.That(Directory.Exists(Path.Combine(_root, "target/compiled/a")));
        Assert.That(Directory.Exists(Path.Combine(_root, "target/compiled/b/schema.yml")));
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(_root, "target/compiled/a")), Is.Empty, "folders only: no file is written");
        var error = ArtifactFiles.TryWrite(_root, "blocked/z.sql", "select 1");
        Assert.That(error!.ToString(), Does.StartWith("blocked/z.sql: error MF1903"));
    }

    [Test]
    public void Creating_folders_says_for_each_path_whether_its_folder_is_new_parents_made_on_the_way_included()
    {
        Directory.CreateDirectory(Path.Combine(_root, "target/compiled/old"));

        var fresh = ArtifactFiles.CreateFolders(_root,
            ["target/compiled/old/x.sql", "target/compiled/m/schema.yml/t.sql", "target/compiled/m/a.sql", "target/compiled/old/y.sql", "top.sql"]);

        // "m" was made as the parent of "m/schema.yml": nothing can be in it either.
        Assert.That(fresh, Is.EqualTo(new[] { false, true, true, false, false }));
    }

    [Test]
    public void A_file_in_a_new_folder_is_created_with_its_bytes_and_the_stamp_a_later_stat_reads()
    {
        var fresh = ArtifactFiles.CreateFolders(_root, ["target/compiled/m/a.sql"]);
        var bytes = System.Text.Encoding.UTF8.GetBytes("select 'é' from orders");

        Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/m/a.sql", bytes, out var written, isNew: fresh[0]), Is.Null);

        var info = new FileInfo(Path.Combine(_root, "target/compiled/m/a.sql"));
        Assert.That(File.ReadAllBytes(info.FullName), Is.EqualTo(bytes));
        Assert.That(written, Is.EqualTo(new WrittenFile(info.Length, info.LastWriteTimeUtc.Ticks)));
    }

    [Test]
    public void A_file_said_to_be_new_that_is_there_after_all_is_written_the_ordinary_way()
    {
        ArtifactFiles.CreateFolders(_root, ["target/compiled/m/a.sql"]);
        var path = Path.Combine(_root, "target/compiled/m/a.sql");
        File.WriteAllText(path, "select 1234567890 from a_longer_table -- written meanwhile by someone else");

        Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/m/a.sql", "select 2"u8.ToArray(), out var written, isNew: true), Is.Null);

        Assert.That(File.ReadAllText(path), Is.EqualTo("select 2"));
        Assert.That(written, Is.EqualTo(new WrittenFile(8, File.GetLastWriteTimeUtc(path).Ticks)));
    }

    [Test]
    public void A_file_said_to_be_new_whose_folder_is_gone_is_still_written()
    {
        ArtifactFiles.CreateFolders(_root, ["target/compiled/m/a.sql"]);
        Directory.Delete(Path.Combine(_root, "target/compiled/m"));

        Assert.That(ArtifactFiles.TryWrite(_root, "target/compiled/m/a.sql", "select 1"u8.ToArray(), out _, isNew: true), Is.Null);

        Assert.That(File.ReadAllText(Path.Combine(_root, "target/compiled/m/a.sql")), Is.EqualTo("select 1"));
    }
}
