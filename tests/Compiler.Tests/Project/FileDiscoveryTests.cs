using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class FileDiscoveryTests
{
    [Test]
    public void Files_are_found_by_kind_sorted_with_fqn_paths()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/staging/stg_orders.sql", "select 1")
            .Write("models/staging/stg_customers.sql", "select 2")
            .Write("models/marts/finance/revenue.sql", "select 3")
            .Write("models/schema.yml", "version: 2\n")
            .Write("models/staging/_sources.yaml", "version: 2\n")
            .Write("models/README.md", "{% docs x %}{% enddocs %}")
            .Write("models/notes.txt", "ignored")
            .Write("seeds/raw_orders.csv", "id\n1\n")
            .Write("snapshots/orders_snapshot.sql", "{% snapshot s %}{% endsnapshot %}")
            .Write("tests/assert_positive.sql", "select 1 where false")
            .Write("macros/cents.sql", "{% macro cents() %}{% endmacro %}")
            .Write("analyses/adhoc.sql", "select 4");
        var project = dir.LoadClean();
        Assert.That(project.Models.Select(m => m.Path), Is.EqualTo(new[]
        {
            "models/marts/finance/revenue.sql", "models/staging/stg_customers.sql", "models/staging/stg_orders.sql",
        }));
        var revenue = project.Models[0];
        Assert.That(revenue.Name, Is.EqualTo("revenue"));
        Assert.That(revenue.FqnPath, Is.EqualTo(new[] { "marts", "finance" }));
        Assert.That(revenue.ResourcePath, Is.EqualTo("models"));
        Assert.That(revenue.Source.Text, Is.EqualTo("select 3"));
        Assert.That(revenue.Source.Path, Is.EqualTo("models/marts/finance/revenue.sql"));
        Assert.That(revenue.ResourceType, Is.EqualTo(ResourceType.Model));
        Assert.That(project.Seeds.Single().Name, Is.EqualTo("raw_orders"));
        Assert.That(project.Snapshots.Single().Name, Is.EqualTo("orders_snapshot"));
        Assert.That(project.SingularTests.Single().Name, Is.EqualTo("assert_positive"));
        Assert.That(project.Macros.Single().Name, Is.EqualTo("cents"));
        Assert.That(project.Analyses.Single().Name, Is.EqualTo("adhoc"));
        Assert.That(project.Files.YamlFiles.Select(f => f.Path), Is.EqualTo(new[] { "models/schema.yml", "models/staging/_sources.yaml" }));
        Assert.That(project.Files.DocsFiles.Select(f => f.Path), Is.EqualTo(new[] { "models/README.md" }));
    }

    [Test]
    public void Files_of_one_folder_share_their_fqn_path()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/staging/a.sql", "select 1").Write("models/staging/b.sql", "select 1")
            .Write("models/staging_x/c.sql", "select 1").Write("models/d.sql", "select 1").Write("models/e.sql", "select 1")
            .Write("models/staging/schema.yml", "version: 2\n");
        var project = dir.LoadClean();
        var models = project.Models.ToDictionary(m => m.Name);

        Assert.That(models["a"].FqnPath, Is.EqualTo(new[] { "staging" }));
        Assert.That(models["b"].FqnPath, Is.SameAs(models["a"].FqnPath));
        Assert.That(project.Files.YamlFiles.Single().FqnPath, Is.SameAs(models["a"].FqnPath), "a YAML file beside them too");
        Assert.That(models["c"].FqnPath, Is.EqualTo(new[] { "staging_x" }));
        Assert.That(models["d"].FqnPath, Is.Empty);
        Assert.That(models["e"].FqnPath, Is.SameAs(models["d"].FqnPath));
    }

    [Test]
    public void Hidden_folders_and_files_are_skipped()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/.scratch/tmp.sql", "select 1").Write("models/.hidden.sql", "select 1").Write("models/a.sql", "select 1");
        Assert.That(dir.LoadClean().Models.Select(m => m.Name), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Missing_configured_folders_are_not_an_error()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodel-paths: [nowhere, models]\n");
        dir.Write("models/a.sql", "select 1");
        Assert.That(dir.LoadClean().Models.Single().Name, Is.EqualTo("a"));
    }

    [Test]
    public void Several_model_paths_are_all_searched()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodel-paths: [models, extra]\n");
        dir.Write("models/a.sql", "select 1").Write("extra/sub/b.sql", "select 2");
        var models = dir.LoadClean().Models;
        Assert.That(models.Select(m => m.Path), Is.EqualTo(new[] { "extra/sub/b.sql", "models/a.sql" }));
        Assert.That(models[0].FqnPath, Is.EqualTo(new[] { "sub" }));
    }

    [Test]
    public void Two_models_with_one_name_are_an_error_naming_both_files()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodel-paths: [models, extra]\n");
        dir.Write("models/staging/orders.sql", "select 1").Write("models/marts/orders.sql", "select 2");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Not.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("models/staging/orders.sql:1:1: error MF1030: two models are named 'orders': models/marts/orders.sql and models/staging/orders.sql"));
        Assert.That(d.Hint, Does.Contain("rename"));
    }

    [Test]
    public void Two_seeds_with_one_name_are_an_error()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("seeds/a/codes.csv", "x\n").Write("seeds/b/codes.csv", "x\n");
        Assert.That(dir.Load().Diagnostics.Single().Message, Is.EqualTo("two seeds are named 'codes': seeds/a/codes.csv and seeds/b/codes.csv"));
    }

    [Test]
    public void Sql_under_a_test_paths_generic_folder_is_a_macro_file_and_fixtures_are_no_nodes()
    {
        using var dir = new TempProjectDirectory("name: shop\ntest-paths: [tests, more_tests]\n");
        dir.Write("tests/generic/positive.sql", "{% test positive(model, column_name) %}select 1{% endtest %}")
            .Write("more_tests/generic/nested/even.sql", "{% test even(model, column_name) %}select 1{% endtest %}")
            .Write("tests/fixtures/input.sql", "select 1")
            .Write("tests/assert_positive.sql", "select 1 where false")
            .Write("tests/checks/generic.sql", "select 1 where false");
        var project = dir.LoadClean();

        Assert.That(project.SingularTests.Select(t => t.Path), Is.EqualTo(new[] { "tests/assert_positive.sql", "tests/checks/generic.sql" }));
        Assert.That(project.Macros.Select(m => m.Path), Is.EqualTo(new[] { "more_tests/generic/nested/even.sql", "tests/generic/positive.sql" }));
    }
}
