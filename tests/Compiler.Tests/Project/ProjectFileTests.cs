using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class ProjectFileTests
{
    [Test]
    public void A_minimal_project_gets_dbt_defaults()
    {
        using var dir = new TempProjectDirectory("name: shop\n");
        var project = dir.LoadClean();
        var file = project.ProjectFile;
        Assert.That(file.Name, Is.EqualTo("shop"));
        Assert.That(file.Profile, Is.EqualTo("shop"));
        Assert.That(file.ModelPaths, Is.EqualTo(new[] { "models" }));
        Assert.That(file.SeedPaths, Is.EqualTo(new[] { "seeds" }));
        Assert.That(file.TestPaths, Is.EqualTo(new[] { "tests" }));
        Assert.That(file.MacroPaths, Is.EqualTo(new[] { "macros" }));
        Assert.That(file.SnapshotPaths, Is.EqualTo(new[] { "snapshots" }));
        Assert.That(file.AnalysisPaths, Is.EqualTo(new[] { "analyses" }));
        Assert.That(file.TargetPath, Is.EqualTo("target"));
        Assert.That(file.CleanTargets, Is.EqualTo(new[] { "target" }));
        Assert.That(file.Vars, Is.Empty);
        Assert.That(project.Root, Is.EqualTo(dir.Root));
        Assert.That(file.Source.Path, Is.EqualTo("forge_project.yml"));
    }

    [Test]
    public void Dbt_project_yml_is_read_when_forge_project_yml_is_absent()
    {
        using var dir = new TempProjectDirectory("");
        dir.Write("dbt_project.yml", "name: jaffle_shop\nconfig-version: 2\nrequire-dbt-version: '>=1.5.0'\n");
        var project = dir.LoadClean();
        Assert.That(project.ProjectFile.Name, Is.EqualTo("jaffle_shop"));
        Assert.That(project.ProjectFile.Source.Path, Is.EqualTo("dbt_project.yml"));
    }

    [Test]
    public void Forge_project_yml_wins_over_dbt_project_yml()
    {
        using var dir = new TempProjectDirectory("name: forge_one\n");
        dir.Write("dbt_project.yml", "name: dbt_one\n");
        Assert.That(dir.LoadClean().ProjectFile.Name, Is.EqualTo("forge_one"));
    }

    [Test]
    public void Every_key_is_read()
    {
        using var dir = new TempProjectDirectory("""
            name: shop
            version: '1.0.0'
            profile: warehouse
            model-paths: ["transform", "./more/"]
            seed-paths: [data]
            test-paths: [checks]
            macro-paths: [lib]
            snapshot-paths: [history]
            analysis-paths: [adhoc]
            docs-paths: [docs]
            target-path: build
            clean-targets: [build, dbt_packages]
            vars:
              region: eu
              shop:
                region: us
                days: 3
              other_pkg:
                x: 1
            models:
              shop:
                +materialized: table
            seeds:
              shop:
                +quote_columns: false
            snapshots:
              +target_schema: snapshots
            tests:
              +severity: warn
            data_tests:
              +store_failures: true
            sources:
              shop:
                +enabled: true
            on-run-start: "create schema if not exists audit"
            on-run-end:
              - "grant usage on schema {{ target.schema }} to reporter"
            quoting:
              identifier: false
            dispatch:
              - macro_namespace: dbt_utils
                search_order: [shop, dbt_utils]
            """);
        var file = dir.LoadClean().ProjectFile;
        Assert.That(file.Version, Is.EqualTo("1.0.0"));
        Assert.That(file.Profile, Is.EqualTo("warehouse"));
        Assert.That(file.ModelPaths, Is.EqualTo(new[] { "transform", "more" }));
        Assert.That(file.SeedPaths, Is.EqualTo(new[] { "data" }));
        Assert.That(file.TestPaths, Is.EqualTo(new[] { "checks" }));
        Assert.That(file.MacroPaths, Is.EqualTo(new[] { "lib" }));
        Assert.That(file.SnapshotPaths, Is.EqualTo(new[] { "history" }));
        Assert.That(file.AnalysisPaths, Is.EqualTo(new[] { "adhoc" }));
        Assert.That(file.DocsPaths, Is.EqualTo(new[] { "docs" }));
        Assert.That(file.TargetPath, Is.EqualTo("build"));
        Assert.That(file.CleanTargets, Is.EqualTo(new[] { "build", "dbt_packages" }));
        Assert.That(file.Vars["region"], Is.EqualTo("us"), "the project's own scope overrides global vars");
        Assert.That(file.Vars["days"], Is.EqualTo(3L));
        Assert.That(file.Vars.ContainsKey("shop"), Is.False);
        Assert.That(file.Vars["other_pkg"], Is.InstanceOf<Dictionary<string, object?>>());
        Assert.That(((Dictionary<string, object?>)file.Models["shop"]!)["+materialized"], Is.EqualTo("table"));
        Assert.That(file.Seeds, Contains.Key("shop"));
        Assert.That(file.Snapshots["+target_schema"], Is.EqualTo("snapshots"));
        Assert.That(file.DataTests["+severity"], Is.EqualTo("warn"));
        Assert.That(file.DataTests["+store_failures"], Is.EqualTo(true));
        Assert.That(file.Sources, Contains.Key("shop"));
        Assert.That(file.OnRunStart, Is.EqualTo(new[] { "create schema if not exists audit" }));
        Assert.That(file.OnRunEnd, Is.EqualTo(new[] { "grant usage on schema {{ target.schema }} to reporter" }));
        Assert.That(file.Quoting["identifier"], Is.EqualTo(false));
        Assert.That(file.Dispatch, Has.Count.EqualTo(1));
    }

    [Test]
    public void Cli_vars_override_project_vars()
    {
        using var dir = new TempProjectDirectory("name: shop\nvars:\n  days: 3\n  region: eu\n");
        var project = dir.LoadClean(dir.Options(cliVars: new Dictionary<string, object?> { ["days"] = 7L }));
        Assert.That(project.Vars["days"], Is.EqualTo(7L));
        Assert.That(project.Vars["region"], Is.EqualTo("eu"));
    }

    [Test]
    public void Templated_values_are_rendered_except_hooks()
    {
        using var dir = new TempProjectDirectory("""
            name: shop
            target-path: "{{ env_var('FORGE_TARGET', 'out') }}"
            vars:
              schema_suffix: "{{ env_var('SUFFIX') }}"
            models:
              shop:
                +schema: "{{ env_var('SUFFIX') }}"
                +post-hook: "grant select on {{ this }} to reporter"
                marts:
                  pre_hook: ["{{ log('x') }}"]
            on-run-end: "{{ log('done') }}"
            """);
        var renderer = new FakeRenderer(new Dictionary<string, string> { ["SUFFIX"] = "ci" });
        var file = dir.LoadClean(dir.Options(renderer: renderer)).ProjectFile;
        Assert.That(file.TargetPath, Is.EqualTo("out"));
        Assert.That(file.Vars["schema_suffix"], Is.EqualTo("ci"));
        var shop = (Dictionary<string, object?>)file.Models["shop"]!;
        Assert.That(shop["+schema"], Is.EqualTo("ci"));
        Assert.That(shop["+post-hook"], Is.EqualTo("grant select on {{ this }} to reporter"));
        Assert.That(((Dictionary<string, object?>)shop["marts"]!)["pre_hook"], Is.EqualTo(new List<object?> { "{{ log('x') }}" }));
        Assert.That(file.OnRunEnd, Is.EqualTo(new[] { "{{ log('done') }}" }));
        Assert.That(renderer.Calls.Select(c => c.Scope), Is.All.EqualTo(YamlRenderScope.Project));
        Assert.That(renderer.Calls.Select(c => c.Span.ToString()), Does.Contain("forge_project.yml:2:14"));
    }

    [Test]
    public void Missing_project_file_is_an_error_with_a_hint()
    {
        using var dir = new TempProjectDirectory("");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("MF1001"));
        Assert.That(d.FilePath, Is.EqualTo(dir.Root));
        Assert.That(d.Hint, Does.Contain("forge init").And.Contain("--project-dir"));
    }

    [Test]
    public void Malformed_yaml_points_at_the_problem()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodels:\n  shop:\n    +materialized: [table\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("MF1002"));
        Assert.That(d.Span!.Value.Path, Is.EqualTo("forge_project.yml"));
        Assert.That((d.Span!.Value.Line, d.Span!.Value.Column), Is.EqualTo((5, 1)));
        Assert.That(d.Message, Does.StartWith("malformed YAML: ").And.Not.Contain("Idx:"));
        Assert.That(d.Hint, Is.Not.Null);
    }

    [Test]
    public void Wrong_type_for_model_paths_points_at_the_value()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodel-paths: 3\n");
        var (_, diagnostics) = dir.Load();
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("forge_project.yml:2:14: error MF1003: 'model-paths' must be a list of strings, not an integer"));
        Assert.That(d.Hint, Does.Contain("list"));
    }

    [Test]
    public void Missing_name_is_an_error_at_the_start_of_the_file()
    {
        using var dir = new TempProjectDirectory("version: '1.0'\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("forge_project.yml:1:1: error MF1004: the project file has no 'name'"));
    }

    [TestCase("my-shop", "my_shop")]
    [TestCase("1shop", "p_1shop")]
    public void Invalid_project_name_is_an_error_with_a_suggestion(string name, string suggestion)
    {
        using var dir = new TempProjectDirectory($"version: '1.0'\nname: '{name}'\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo($"forge_project.yml:2:7: error MF1005: invalid project name '{name}'"));
        Assert.That(d.Hint, Does.Contain(suggestion));
    }

    [Test]
    public void Unknown_top_level_key_is_a_warning_with_the_nearest_key()
    {
        using var dir = new TempProjectDirectory("name: shop\nmodel-path: [models]\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Not.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("forge_project.yml:2:1: warning MF1006: unknown key 'model-path' in the project file is ignored"));
        Assert.That(d.Hint, Is.EqualTo("did you mean 'model-paths'?"));
    }

    [Test]
    public void Yaml_anchors_and_merge_keys_are_resolved()
    {
        using var dir = new TempProjectDirectory("""
            name: shop
            models:
              shop:
                staging: &base
                  +materialized: table
                  +tags: [shared]
                marts:
                  <<: *base
                  +schema: marts
            """);
        dir.Write("models/marts/m.sql", "select 1");
        var project = dir.LoadClean();
        var config = project.Configs.Resolve(project.Models.Single());
        Assert.That((config.Materialized, config.Schema), Is.EqualTo(("table", "marts")));
        Assert.That(config.Tags, Is.EqualTo(new[] { "shared" }));
    }

    [Test]
    public void Plain_strings_are_not_sent_to_the_renderer()
    {
        using var dir = new TempProjectDirectory("name: shop\nvars:\n  a: plain\n  b: \"{{ var('x') }}\"\n");
        var renderer = new FakeRenderer(new Dictionary<string, string>(), new Dictionary<string, object?> { ["x"] = 5L });
        var project = dir.LoadClean(dir.Options(renderer: renderer));
        Assert.That(renderer.Calls.Select(c => c.Text), Is.EqualTo(new[] { "{{ var('x') }}" }));
        Assert.That(project.Vars["b"], Is.EqualTo(5L));
    }
}
