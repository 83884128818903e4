using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Fixtures;

/// <summary>
/// tests/fixtures/dbt_style_project is a dbt project as dbt users write them (dbt_project.yml,
/// dispatch, call/caller, return, namespace, set blocks, a generate_schema_name override…).
/// Compiled with no edits, every model must match its reviewed expected SQL exactly.
/// </summary>
public sealed class DbtStyleProjectTests
{
    private const string Fixture = "tests/fixtures/dbt_style_project";

    private static IEnumerable<string> Models() =>
        Directory.EnumerateFiles(RepositoryRoot.Resolve($"{Fixture}/models"), "*.sql", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot.Resolve(Fixture), path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Models))]
    public void Compiles_to_the_expected_sql(string model)
    {
        using var project = Copy();

        var result = project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        GoldenFile.Verify($"{Fixture}/expected/{Path.ChangeExtension(model, ".verified.sql")}", project.Read($"target/compiled/shop_fixture/{model}"));
    }

    [Test]
    public void Command_line_vars_reach_the_models()
    {
        using var project = Copy();

        var result = project.Forge("compile", "--vars", "{min_orders: 2}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(project.Read("target/compiled/shop_fixture/models/marts/customer_orders.sql"), Does.EndWith("group by customer_id\nhaving count(*) >= 2"));
    }

    private static TempProject Copy()
    {
        var project = new TempProject("shop_fixture");
        var source = RepositoryRoot.Resolve(Fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("expected/", StringComparison.Ordinal) || relative.StartsWith("target/", StringComparison.Ordinal)) continue;
            project.With(relative, File.ReadAllText(file));
        }
        return project;
    }
}
