using DuckDB.NET.Data;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// `forge run` starts opening an existing database file while the project compiles
/// (ConnectionWarmup). That must stay invisible: a run that stops before executing leaves the
/// database closed, and a file that cannot be opened is reported as it always was, once, and only
/// when the project itself has no errors.
[TestFixture]
internal sealed class OpenAheadTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("ahead").WithProjectFile().With("models/a.sql", "select 1 as x");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_run_stopped_by_a_project_error_closes_the_database_it_opened_ahead()
    {
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        _project.With("models/b.sql", "select * from {{ ref('no_such_model') }}");

        var stopped = _project.Forge("run");

        Assert.That(stopped.ExitCode, Is.EqualTo(2), stopped.ToString());
        // Another database moved in under the same name: had the opened-ahead one stayed open in this
        // process, a connection to the path would join it and still see model a.
        var replacement = _project.DatabasePath + ".new";
        using (var connection = new DuckDBConnection($"Data Source={replacement}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "create table replacement as select 1 as y";
            command.ExecuteNonQuery();
        }
        File.Move(replacement, _project.DatabasePath, overwrite: true);
        Assert.That(Database.Query(_project.DatabasePath, "select table_name from information_schema.tables").Select(r => r[0]),
            Is.EqualTo(new[] { "replacement" }));
    }

    [Test]
    public void A_database_file_that_cannot_be_opened_is_reported_once_when_the_run_connects()
    {
        _project.With("target/ahead.duckdb", "not a database, but a file with its name");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error.Split("cannot open the DuckDB database").Length - 1, Is.EqualTo(1), result.ToString());
        Assert.That(_project.Read("target/ahead.duckdb"), Is.EqualTo("not a database, but a file with its name"));
    }

    [Test]
    public void A_project_error_is_reported_instead_of_a_database_that_cannot_be_opened()
    {
        _project.With("target/ahead.duckdb", "not a database, but a file with its name")
            .With("models/b.sql", "select * from {{ ref('no_such_model') }}");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("no_such_model"));
        Assert.That(result.All, Does.Not.Contain("cannot open the DuckDB database"));
    }
}
