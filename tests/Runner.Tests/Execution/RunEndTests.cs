using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

/// The end of `forge run` overlaps closing the database (DuckDB's checkpoint) with writing the
/// artifacts, and target/run files are written off the statement path: when the command returns,
/// all of it is done.
[TestFixture]
internal sealed class RunEndTests
{
    [Test]
    public void When_a_run_returns_its_database_is_checkpointed_and_every_run_file_is_written()
    {
        using var project = new TempProject("ends").WithProjectFile("models:\n  ends:\n    +materialized: table\n");
        for (var i = 0; i < 30; i++) project.With($"models/m{i:D2}.sql", i == 0 ? "select 1 as x" : $"select x + 1 as x from {{{{ ref('m{i - 1:D2}') }}}}");

        var result = project.Forge("run", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(File.Exists(project.DatabasePath + ".wal"), Is.False, "the database was not closed (no checkpoint) when forge returned");
        for (var i = 0; i < 30; i++)
            Assert.That(project.Read($"target/run/ends/models/m{i:D2}.sql"), Does.Contain($"create table \"ends\".\"main\".\"m{i:D2}__forge_tmp\""));
        Assert.That(project.Read("target/run_results.json"), Does.Contain("model.ends.m29"));
    }
}
