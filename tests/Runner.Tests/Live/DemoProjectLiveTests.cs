using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>
/// The repository's demo project on a real SQL Server through its own <c>sqlserver</c> target,
/// whose host, database, user and password come from environment variables derived here from
/// <see cref="LiveSqlServer.Variable"/>.
/// </summary>
internal sealed class DemoProjectLiveTests : LiveSqlServerTestBase
{
    private static readonly string[] DemoFolders = ["models", "macros", "seeds", "snapshots", "data-tests", "analyses"];

    private TempProject _project = null!;

    [SetUp]
    public void CopyDemo()
    {
        _project = new TempProject("bikeshare");
        var root = RepositoryRoot();
        foreach (var folder in DemoFolders)
        {
            var source = Path.Combine(root, folder);
            if (!Directory.Exists(source)) continue;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                _project.With(Path.GetRelativePath(root, file), File.ReadAllText(file));
        }
        _project.With("forge_project.yml", File.ReadAllText(Path.Combine(root, "forge_project.yml")))
            .With("profiles.yml", File.ReadAllText(Path.Combine(root, "profiles.yml")));
        foreach (var (name, value) in Server.DemoEnvironment) _project.WithEnvironment(name, value);
    }

    [TearDown]
    public void Delete()
    {
        _project.Dispose();
        Server.DropSchemas("dbo_");
    }

    [Test]
    public void Demo_project_seeds_and_runs_end_to_end()
    {
        var seed = _project.Forge("seed", "--target", "sqlserver");
        Assert.That(seed.ExitCode, Is.EqualTo(0), seed.ToString());

        foreach (var csv in Directory.EnumerateFiles(Path.Combine(_project.Root, "seeds"), "*.csv"))
        {
            var table = Path.GetFileNameWithoutExtension(csv);
            var expected = File.ReadLines(csv).Count(l => l.Length > 0) - 1;
            Assert.That(Server.Scalar($"select count_big(*) from [dbo_raw].[{table}]"), Is.EqualTo((long)expected), $"rows of seed {table}");
        }

        var run = _project.Forge("run", "--target", "sqlserver");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());

        Assert.That(RelationType("dbo_staging", "stg_rides"), Is.EqualTo("VIEW"));
        Assert.That(RelationType("dbo_intermediate", "int_rides_enriched"), Is.EqualTo("VIEW"));
        Assert.That(RelationType("dbo_marts", "fct_rides"), Is.EqualTo("BASE TABLE"));
        Assert.That(Server.Scalar("select count_big(*) from [dbo_marts].[fct_rides]"), Is.GreaterThan(0L));
    }

    [Test]
    public void Running_again_swaps_every_table_and_leaves_no_helper_relation()
    {
        Assert.That(_project.Forge("seed", "--target", "sqlserver").ExitCode, Is.EqualTo(0));
        Assert.That(_project.Forge("run", "--target", "sqlserver").ExitCode, Is.EqualTo(0));
        var before = Server.Scalar("select count_big(*) from [dbo_marts].[dim_stations]");

        var seedAgain = _project.Forge("seed", "--target", "sqlserver");
        var runAgain = _project.Forge("run", "--target", "sqlserver");

        Assert.That(seedAgain.ExitCode, Is.EqualTo(0), seedAgain.ToString());
        Assert.That(runAgain.ExitCode, Is.EqualTo(0), runAgain.ToString());
        Assert.That(Server.Scalar("select count_big(*) from [dbo_marts].[dim_stations]"), Is.EqualTo(before));
        Assert.That(Server.Scalar("select count(*) from INFORMATION_SCHEMA.TABLES where TABLE_NAME like '%[_][_]forge[_]%'"), Is.EqualTo(0));
    }

    [Test]
    public void Debug_connects_through_the_demo_target_without_printing_the_password()
    {
        var result = _project.Forge("debug", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("connection: OK (sqlserver "));
        if (Server.Password.Length >= 3) Assert.That(result.All, Does.Not.Contain(Server.Password));
    }

    private string? RelationType(string schema, string name) =>
        Server.Scalar($"select TABLE_TYPE from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = '{schema}' and TABLE_NAME = '{name}'") as string;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "forge_project.yml"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("the demo project (forge_project.yml) is not above the test folder");
    }
}
