using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

/// target/run/ files are written on a thread of their own; Complete is the point after which they are all on disk.
[TestFixture]
internal sealed class RunFileWriterTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "forge-run-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Every_file_given_is_written_when_Complete_returns_and_a_later_write_of_a_path_wins()
    {
        var writer = new RunFileWriter();
        for (var i = 0; i < 200; i++) writer.Write(_root, $"target/run/p/models/m{i}.sql", [$"create table m{i} as select {i}", "commit"]);
        writer.Write(_root, "target/run/p/models/m7.sql", ["drop table m7"]);

        writer.Complete();

        Assert.That(Directory.GetFiles(Path.Combine(_root, "target/run/p/models")), Has.Length.EqualTo(200));
        Assert.That(File.ReadAllText(Path.Combine(_root, "target/run/p/models/m42.sql")), Is.EqualTo("create table m42 as select 42;\n\ncommit;\n"));
        Assert.That(File.ReadAllText(Path.Combine(_root, "target/run/p/models/m7.sql")), Is.EqualTo("drop table m7;\n"));
    }

    [Test]
    public void The_statements_are_taken_when_given_not_when_written()
    {
        var writer = new RunFileWriter();
        var statements = new List<string> { "select 1" };
        writer.Write(_root, "target/run/a.sql", statements);
        statements.Add("select 2");

        writer.Complete();

        Assert.That(File.ReadAllText(Path.Combine(_root, "target/run/a.sql")), Is.EqualTo("select 1;\n"));
    }

    [Test]
    public void A_file_given_after_Complete_is_written_at_once()
    {
        var writer = new RunFileWriter();
        writer.Complete();

        writer.Write(_root, "target/run/late.sql", ["select 1"]);

        Assert.That(File.ReadAllText(Path.Combine(_root, "target/run/late.sql")), Is.EqualTo("select 1;\n"));
    }
}
