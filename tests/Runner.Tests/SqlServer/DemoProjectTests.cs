using ModelForge.Compiler.Tests.Golden;
using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>The repository's demo project on its `sqlserver` target, with no server.</summary>
public sealed class DemoProjectTests
{
    private static readonly string[] DemoFolders = ["models", "macros", "seeds", "snapshots", "data-tests", "analyses"];

    private static TempProject DemoCopy()
    {
        var project = new TempProject("bikeshare");
        var root = RepositoryRoot.Path;
        foreach (var file in new[] { "forge_project.yml", "profiles.yml" }) project.With(file, File.ReadAllText(Path.Combine(root, file)));
        foreach (var folder in DemoFolders)
        {
            var source = Path.Combine(root, folder);
            if (!Directory.Exists(source)) continue;
            foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                project.With(Path.GetRelativePath(root, path), File.ReadAllText(path));
            }
        }
        // The profile reads its secret from the environment; compile never uses it.
        return project.WithEnvironment("FORGE_SQLSERVER_PASSWORD", "not-used");
    }

    [Test]
    public void Compile_for_sqlserver_needs_no_server_and_every_model_parses_as_TSql()
    {
        using var project = DemoCopy();

        var result = project.Forge("compile", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var compiled = Directory.EnumerateFiles(Path.Combine(project.Root, "target", "compiled"), "*.sql", SearchOption.AllDirectories).ToList();
        Assert.That(compiled, Is.Not.Empty);
        foreach (var path in compiled)
        {
            var errors = TSqlParsing.Errors(File.ReadAllText(path));
            Assert.That(errors, Is.Empty, $"{path}: {string.Join("; ", errors)}");
        }
    }

    [Test]
    public void Run_for_sqlserver_sends_these_statements()
    {
        using var project = DemoCopy();
        var run = new RecordedRun();

        var result = run.Forge(project, "run", "--target", "sqlserver", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        GoldenFile.Verify("tests/Golden/SqlServer/run-demo.verified.sql", run.Log.ToScript());
        run.AssertEveryStatementParses();
    }

    [Test]
    public void Test_for_sqlserver_sends_these_statements()
    {
        using var project = DemoCopy();
        var run = new RecordedRun();

        var result = run.Forge(project, "test", "--target", "sqlserver", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        GoldenFile.Verify("tests/Golden/SqlServer/test-demo.verified.sql", run.Log.ToScript());
        run.AssertEveryStatementParses();
    }
}
