using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

public sealed class ProjectCommandsTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile("vars:\n  region: eu\n")
        .With("models/staging/stg_orders.sql", "select 1 as order_id, '{{ var('region') }}' as region")
        .With("models/orders.sql", "{{ config(materialized='table', tags=['daily']) }}\nselect * from {{ ref('stg_orders') }} -- built as {{ this }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Compile_writes_rendered_sql_without_connecting()
    {
        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/shop/models/orders.sql"),
            Is.EqualTo("\nselect * from \"shop\".\"main\".\"stg_orders\" -- built as \"shop\".\"main\".\"orders\""));
        Assert.That(_project.Read("target/compiled/shop/models/staging/stg_orders.sql"), Is.EqualTo("select 1 as order_id, 'eu' as region"));
        Assert.That(File.Exists(_project.DatabasePath), Is.False);
        Assert.That(_project.Exists("target/manifest.json"));
    }

    [Test]
    public void Ls_lists_nodes_in_dependency_order_and_filters_by_tag()
    {
        var all = _project.Forge("ls");
        var tagged = _project.Forge("ls", "--select", "tag:daily", "--output", "path");

        Assert.That(all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "shop.staging.stg_orders", "shop.orders" }));
        Assert.That(tagged.Output.Trim(), Is.EqualTo("models/orders.sql"));
    }

    [Test]
    public void Clean_removes_the_target_folder()
    {
        _project.Forge("compile");

        var result = _project.Forge("clean");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Directory.Exists(Path.Combine(_project.Root, "target")), Is.False);
    }

    [Test]
    public void Clean_refuses_a_clean_target_outside_the_project()
    {
        _project.WithProjectFile("clean-targets: ['../elsewhere']\n");

        var result = _project.Forge("clean");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("outside the project"));
    }

    [Test]
    public void Debug_shows_the_target_masks_secrets_and_tests_the_connection()
    {
        _project.With("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n      password: \"{{ env_var('SHOP_SECRET') }}\"\n")
            .WithEnvironment("SHOP_SECRET", "hunter2");

        var result = _project.Forge("debug");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("target: dev (type duckdb").And.Contain("connection: OK"));
        Assert.That(result.Output, Does.Contain("password: ********"));
        Assert.That(result.All, Does.Not.Contain("hunter2"));
    }

    [Test]
    public void Debug_without_a_profile_says_the_embedded_default_is_used()
    {
        var result = _project.Forge("debug");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("embedded DuckDB default"));
    }

    [Test]
    public void Init_creates_a_project_that_runs()
    {
        using var workspace = new TempProject("workspace");

        var created = workspace.Forge("init", "my_shop");
        var run = workspace.Forge("run", "--project-dir", "my_shop");

        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString());
        Assert.That(workspace.Read("my_shop/forge_project.yml"), Does.Contain("name: my_shop").And.Not.Contain("__PROJECT_NAME__"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("Completed successfully"));
    }

    [Test]
    public void Init_refuses_a_bad_name_and_a_folder_in_use()
    {
        using var workspace = new TempProject("workspace");
        workspace.With("taken/file.txt", "x");

        Assert.That(workspace.Forge("init", "9lives").ExitCode, Is.EqualTo(2));
        var taken = workspace.Forge("init", "taken");
        Assert.That(taken.ExitCode, Is.EqualTo(2));
        Assert.That(taken.Error, Does.Contain("not empty").And.Contain("hint:"));
    }

    [Test]
    public void No_command_and_help_behave()
    {
        Assert.That(_project.Forge().ExitCode, Is.EqualTo(2));
        var help = _project.Forge("--help");
        Assert.That(help.ExitCode, Is.EqualTo(0));
        Assert.That(help.Output, Does.Contain("run").And.Contain("compile"));
    }
}
