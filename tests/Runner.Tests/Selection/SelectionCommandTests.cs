using System.Text.Json.Nodes;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Selection;

/// <summary>Selection through the command line: errors, selectors.yml, state:modified and --defer.</summary>
public sealed class SelectionCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("slim").WithProjectFile()
        .With("models/stg.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'dev' as env")
        .With("models/orders.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('stg') }}")
        .With("models/report.sql", "select * from {{ ref('orders') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private string[] Ls(params string[] args) =>
        _project.Forge(["ls", "--output", "name", .. args]).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Copies target/manifest.json (and run_results.json) to prod/, the state of "production".</summary>
    private void SaveState()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "prod"));
        foreach (var file in new[] { "manifest.json", "run_results.json" })
        {
            var from = Path.Combine(_project.Root, "target", file);
            if (File.Exists(from)) File.Copy(from, Path.Combine(_project.Root, "prod", file), overwrite: true);
        }
    }

    [Test]
    public void An_unknown_method_is_a_usage_error_with_a_hint()
    {
        var result = _project.Forge("run", "-s", "tga:x");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--select:1:1: error MF3401: unknown selector method 'tga'").And.Contain("did you mean 'tag:'?"));
    }

    [Test]
    public void A_selector_that_matches_nothing_warns_and_runs_nothing()
    {
        var result = _project.Forge("run", "-s", "ordrs");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Error, Does.Contain("warning MF3402: the selection criterion 'ordrs' does not match any enabled nodes"));
        Assert.That(result.Output, Does.Contain("Nothing to do"));
    }

    [Test]
    public void Graph_operators_and_intersections_work_on_the_command_line()
    {
        Assert.That(Ls("-s", "+orders"), Is.EqualTo(new[] { "stg", "orders" }));
        Assert.That(Ls("-s", "stg+", "--exclude", "report"), Is.EqualTo(new[] { "stg", "orders" }));
        Assert.That(Ls("-s", "stg+,config.materialized:view"), Is.EqualTo(new[] { "report" }));
    }

    [Test]
    public void A_named_selector_comes_from_selectors_yml()
    {
        _project.With("selectors.yml", "selectors:\n  - name: tables\n    definition: 'config.materialized:table'\n");
        Assert.That(Ls("--selector", "tables"), Is.EqualTo(new[] { "stg", "orders" }));
        var unknown = _project.Forge("ls", "--selector", "tabels");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("did you mean 'tables'?"));
    }

    [Test]
    public void State_modified_plus_selects_a_changed_model_and_its_children()
    {
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        SaveState();
        _project.With("models/orders.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('stg') }}");

        Assert.That(Ls("-s", "state:modified+", "--state", "prod"), Is.EqualTo(new[] { "orders", "report" }));
        var missing = _project.Forge("ls", "-s", "state:modified", "--state", "nowhere");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("MF3420"));
    }

    [Test]
    public void Result_error_selects_what_failed_last_time()
    {
        _project.With("models/report.sql", "select * from {{ ref('orders') }} join nothing using (id)");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(1));
        SaveState();
        Assert.That(Ls("-s", "result:error", "--state", "prod"), Is.EqualTo(new[] { "report" }));
    }

    [Test]
    public void Defer_reads_unselected_parents_from_the_state_relations()
    {
        // Given production built stg into schema prod, recorded in its manifest
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        SaveState();
        var manifestPath = Path.Combine(_project.Root, "prod", "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["nodes"]!["model.slim.stg"]!["schema"] = "prod";
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        Database.Execute(_project.DatabasePath, "create schema prod; create table prod.stg as select 2 as id, 'prod' as env");

        // When only orders is built, deferring to that state
        var result = _project.Forge("run", "-s", "orders", "--defer", "--state", "prod");

        // Then orders read prod.stg; without --defer it reads the dev stg
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, "select env from main.orders"), Is.EqualTo("prod"));
        Assert.That(_project.Read("target/compiled/slim/models/orders.sql"), Does.Contain("\"prod\".\"stg\"").Or.Contain("prod.stg"));
        Assert.That(_project.Forge("run", "-s", "orders").ExitCode, Is.EqualTo(0));
        Assert.That(Database.Scalar(_project.DatabasePath, "select env from main.orders"), Is.EqualTo("dev"));
    }

    [Test]
    public void Defer_without_state_is_a_usage_error()
    {
        var result = _project.Forge("run", "--defer");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("error MF3421: --defer needs --state"));
    }
}
