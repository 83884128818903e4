using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class ProfilesTests
{
    private const string DuckDbProfile = """
        shop:
          target: dev
          outputs:
            dev:
              type: duckdb
              path: data/dev.duckdb
              schema: analytics
              threads: 4
              extensions: [httpfs, {name: parquet}]
              settings:
                memory_limit: 2GB
            prod:
              type: duckdb
              path: ':memory:'
        """;

    [Test]
    public void No_profiles_yml_gives_the_embedded_duckdb_default()
    {
        using var dir = new TempProjectDirectory();
        var project = dir.LoadClean();
        var target = (DuckDbTargetProfile)project.Target;
        Assert.That(target.IsDefault, Is.True);
        Assert.That(target.Name, Is.EqualTo("dev"));
        Assert.That(target.Type, Is.EqualTo("duckdb"));
        Assert.That(target.Schema, Is.EqualTo("main"));
        Assert.That(target.Threads, Is.EqualTo(1));
        Assert.That(target.Path, Is.EqualTo(Path.Combine(dir.Root, "target", "shop.duckdb")));
        Assert.That(project.ProfilesPath, Is.Null);
    }

    [Test]
    public void Default_database_file_follows_target_path()
    {
        using var dir = new TempProjectDirectory("name: shop\ntarget-path: out\n");
        Assert.That(((DuckDbTargetProfile)dir.LoadClean().Target).Path, Is.EqualTo(Path.Combine(dir.Root, "out", "shop.duckdb")));
    }

    [Test]
    public void Duckdb_profile_in_the_project_folder_is_read()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", DuckDbProfile);
        var project = dir.LoadClean();
        var target = (DuckDbTargetProfile)project.Target;
        Assert.That(target.IsDefault, Is.False);
        Assert.That(target.Name, Is.EqualTo("dev"));
        Assert.That(target.Path, Is.EqualTo(Path.Combine(dir.Root, "data", "dev.duckdb")));
        Assert.That(target.Database, Is.EqualTo("dev"));
        Assert.That(target.Schema, Is.EqualTo("analytics"));
        Assert.That(target.Threads, Is.EqualTo(4));
        Assert.That(target.Extensions, Is.EqualTo(new[] { "httpfs", "parquet" }));
        Assert.That(target.DuckDbSettings["memory_limit"], Is.EqualTo("2GB"));
        Assert.That(target.Settings["type"], Is.EqualTo("duckdb"));
        Assert.That(target.SourceSpan!.Value.ToString(), Is.EqualTo("profiles.yml:4:5"));
        Assert.That(project.ProfilesPath, Is.EqualTo(Path.Combine(dir.Root, "profiles.yml")));
    }

    [Test]
    public void Target_option_overrides_the_profile_target_and_memory_is_allowed()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", DuckDbProfile);
        var target = (DuckDbTargetProfile)dir.LoadClean(dir.Options(target: "prod")).Target;
        Assert.That(target.Name, Is.EqualTo("prod"));
        Assert.That(target.IsInMemory, Is.True);
        Assert.That(target.Schema, Is.EqualTo("main"));
    }

    [Test]
    public void Profile_key_of_the_project_file_selects_the_profile()
    {
        using var dir = new TempProjectDirectory("name: shop\nprofile: warehouse\n");
        dir.Write("profiles.yml", DuckDbProfile.Replace("shop:", "warehouse:"));
        Assert.That(dir.LoadClean().Target.IsDefault, Is.False);
    }

    [Test]
    public void Lookup_order_is_option_then_environment_then_project_then_home()
    {
        using var dir = new TempProjectDirectory();
        string Profile(string schema) => $"shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      schema: {schema}\n";
        dir.Write("_home/.forge/profiles.yml", Profile("home"));
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("home"));
        dir.Write("profiles.yml", Profile("project"));
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("project"));
        dir.Write("_dbt/profiles.yml", Profile("dbt_env"));
        dir.Environment["DBT_PROFILES_DIR"] = Path.Combine(dir.Root, "_dbt");
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("dbt_env"));
        dir.Write("_forge/profiles.yml", Profile("forge_env"));
        dir.Environment["FORGE_PROFILES_DIR"] = Path.Combine(dir.Root, "_forge");
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("forge_env"));
        dir.Write("_cli/profiles.yml", Profile("cli"));
        Assert.That(dir.LoadClean(dir.Options(profilesDir: Path.Combine(dir.Root, "_cli"))).Target.Schema, Is.EqualTo("cli"));
    }

    [Test]
    public void A_profiles_file_without_the_profile_is_passed_over()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "other:\n  target: dev\n  outputs:\n    dev: {type: duckdb}\n");
        dir.Write("_home/.forge/profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb, schema: home}\n");
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("home"));
    }

    [Test]
    public void An_explicit_profiles_dir_without_the_profile_is_an_error_even_when_another_place_has_it()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("_cli/profiles.yml", "other:\n  outputs: {}\n");
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb}\n");
        var (project, diagnostics) = dir.Load(dir.Options(profilesDir: Path.Combine(dir.Root, "_cli")));
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo("MF1150"));
        Assert.That(diagnostics.Single().Hint, Does.Contain("known profiles: other"));
    }

    [Test]
    public void Profiles_files_that_all_lack_the_profile_are_an_error_at_the_project_files_profile_name()
    {
        using var dir = new TempProjectDirectory("name: shop\nprofile: shpo\n");
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb}\nother: {}\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var error = diagnostics.Single();
        Assert.That(error.ToString(), Does.StartWith("forge_project.yml:2:10: error MF1150: profile 'shpo' is not in profiles.yml"));
        Assert.That(error.Hint, Does.Contain("did you mean 'shop'?").And.Contain("known profiles: shop, other"));
    }

    [Test]
    public void A_profile_that_does_not_load_is_reported_alone_though_the_files_are_read_beside_it()
    {
        // The profile is read on another thread while the files are read and parsed; what they report
        // counts only once the profile has loaded, as when the files were read after it.
        using var dir = new TempProjectDirectory("name: shop\nprofile: shpo\n");
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb}\n");
        dir.Write("models/schema.yml", "models:\n  - name: orders\n    columns: [\n");
        dir.Write("models/.keep", "");
        File.WriteAllBytes(Path.Combine(dir.Root, "models", "orders.sql"), [.. "select 'caf"u8, 0xE9, .. "'"u8]);

        var (project, diagnostics) = dir.Load();

        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "MF1150" }));
    }

    [Test]
    public void With_a_profile_that_loads_the_files_problems_follow_it_and_the_target_is_announced_once()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb, schema: analytics}\n");
        dir.Write("models/schema.yml", "models:\n  - name: orders\n    columns: [\n");
        dir.Write("models/.keep", "");
        File.WriteAllBytes(Path.Combine(dir.Root, "models", "orders.sql"), [.. "select 'caf"u8, 0xE9, .. "'"u8]);
        var announced = new List<string>();

        var (project, diagnostics) = dir.Load(dir.Options(targetResolved: target => announced.Add(target.Schema)));

        Assert.That(project, Is.Not.Null);
        Assert.That(diagnostics.Select(d => $"{d.Span?.Path} {d.Code}"), Is.EqualTo(new[] { "models/orders.sql MF1105", "models/schema.yml MF1002" }));
        Assert.That(announced, Is.EqualTo(new[] { "analytics" }));
    }

    [Test]
    public void A_missing_profiles_dir_is_an_error_not_the_embedded_default()
    {
        using var dir = new TempProjectDirectory();
        var (project, diagnostics) = dir.Load(dir.Options(profilesDir: Path.Combine(dir.Root, "nowhere")));
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo("MF1151"));
        Assert.That(diagnostics.Single().Message, Does.Contain("does not exist"));
    }

    [Test]
    public void A_dbt_profiles_dir_variable_naming_a_folder_without_profiles_yml_is_an_error()
    {
        using var dir = new TempProjectDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Root, "_empty"));
        dir.Environment["DBT_PROFILES_DIR"] = Path.Combine(dir.Root, "_empty");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().Message, Is.EqualTo($"$DBT_PROFILES_DIR folder {Path.Combine(dir.Root, "_empty")} has no profiles.yml"));
    }

    [Test]
    public void A_target_option_without_any_profiles_yml_is_an_error_unless_it_names_the_default()
    {
        using var dir = new TempProjectDirectory();
        var (project, diagnostics) = dir.Load(dir.Options(target: "nope"));
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo("MF1152"));
        Assert.That(dir.LoadClean(dir.Options(target: "dev")).Target.IsDefault, Is.True);
    }

    [Test]
    public void An_unknown_target_suggests_the_nearest_one()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", DuckDbProfile);
        var (_, diagnostics) = dir.Load(dir.Options(target: "prdo"));
        Assert.That(diagnostics.Single().ToString(), Does.StartWith("profiles.yml:1:1: error MF1012: profile 'shop' in profiles.yml has no target 'prdo'"));
        Assert.That(diagnostics.Single().Hint, Is.EqualTo("did you mean 'prod'? available targets: dev, prod"));
    }

    [Test]
    public void Profiles_yml_in_the_dbt_home_folder_is_found_after_the_forge_one()
    {
        using var dir = new TempProjectDirectory();
        string Profile(string schema) => $"shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      schema: {schema}\n";
        dir.Write("_home/.dbt/profiles.yml", Profile("dbt_home"));
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("dbt_home"));
        dir.Write("_home/.forge/profiles.yml", Profile("forge_home"));
        Assert.That(dir.LoadClean().Target.Schema, Is.EqualTo("forge_home"));
    }

    [Test]
    public void Profiles_yml_in_the_current_folder_is_found_when_the_project_is_elsewhere()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("_cwd/profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb, schema: cwd}\n");
        var options = dir.Options();
        var withCwd = new ProjectLoadOptions
        {
            ProjectDirectory = options.ProjectDirectory, Environment = options.Environment, HomeDirectory = options.HomeDirectory,
            WorkingDirectory = Path.Combine(dir.Root, "_cwd"),
        };
        Assert.That(dir.LoadClean(withCwd).Target.Schema, Is.EqualTo("cwd"));
    }

    [Test]
    public void Env_var_in_profiles_is_rendered_with_the_profile_scope()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", """
            shop:
              target: "{{ env_var('FORGE_TARGET', 'dev') }}"
              outputs:
                ci:
                  type: sqlserver
                  server: "{{ env_var('MSSQL_HOST') }}"
                  port: "{{ env_var('MSSQL_PORT', '1433') }}"
                  database: analytics
                  user: loader
                  password: "{{ env_var('MSSQL_PASSWORD') }}"
            """);
        var renderer = new FakeRenderer(new Dictionary<string, string>
        {
            ["FORGE_TARGET"] = "ci", ["MSSQL_HOST"] = "db.local", ["MSSQL_PORT"] = "14330", ["MSSQL_PASSWORD"] = "s3cret!",
        });
        var target = (SqlServerTargetProfile)dir.LoadClean(dir.Options(renderer: renderer)).Target;
        Assert.That(target.Name, Is.EqualTo("ci"));
        Assert.That(target.Server, Is.EqualTo("db.local"));
        Assert.That(target.Port, Is.EqualTo(14330));
        Assert.That(target.Password, Is.EqualTo("s3cret!"));
        Assert.That(target.Settings["password"], Is.EqualTo("s3cret!"));
        Assert.That(renderer.Calls.Select(c => c.Scope), Is.All.EqualTo(YamlRenderScope.Profile));
        Assert.That(renderer.Calls.Count(c => c.Text.Contains("MSSQL_PASSWORD")), Is.EqualTo(1), "each value is rendered once");
    }

    [Test]
    public void A_render_error_is_reported_and_loading_stops()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: \"{{ env_var('NOPE') }}\"\n");
        var (project, diagnostics) = dir.Load(dir.Options(renderer: new FakeRenderer(new Dictionary<string, string>())));
        Assert.That(project, Is.Null);
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("profiles.yml:6:13: error MF2999: env var 'NOPE' is not set"));
    }

    [Test]
    public void Unknown_target_names_the_file_and_lists_the_targets()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", DuckDbProfile);
        var (project, diagnostics) = dir.Load(dir.Options(target: "staging"));
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("profiles.yml:1:1: error MF1012: profile 'shop' in profiles.yml has no target 'staging'"));
        Assert.That(d.Hint, Is.EqualTo("available targets: dev, prod"));
    }

    [Test]
    public void Unknown_target_in_the_file_points_at_the_target_key()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: prd\n  outputs:\n    dev: {type: duckdb}\n    prod: {type: duckdb}\n");
        var d = dir.Load().Diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("profiles.yml:2:11: error MF1012: profile 'shop' in profiles.yml has no target 'prd'"));
    }

    [Test]
    public void Unknown_type_lists_the_supported_types()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("profiles.yml:5:13: error MF1010: unsupported target type 'postgres'"));
        Assert.That(d.Hint, Is.EqualTo("set type to one of: duckdb, sqlserver"));
    }

    [Test]
    public void Missing_type_is_an_error_at_the_target()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      schema: x\n");
        Assert.That(dir.Load().Diagnostics.Single().ToString(), Is.EqualTo("profiles.yml:4:5: error MF1010: the target has no 'type'"));
    }

    [Test]
    public void Malformed_profiles_yml_stops_loading_with_its_position()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Null);
        var d = diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("MF1002"));
        Assert.That(d.Span!.Value.Path, Is.EqualTo("profiles.yml"));
    }

    [Test]
    public void A_profile_without_target_and_several_outputs_is_an_error()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  outputs:\n    dev: {type: duckdb}\n    prod: {type: duckdb}\n");
        var d = dir.Load().Diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("profiles.yml:1:1: error MF1014: profile 'shop' has no 'target'"));
        Assert.That(d.Hint, Does.Contain("--target"));
    }

    [Test]
    public void A_profile_with_one_output_needs_no_target()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  outputs:\n    only: {type: duckdb}\n");
        Assert.That(dir.LoadClean().Target.Name, Is.EqualTo("only"));
    }

    [Test]
    public void Threads_below_one_are_an_error()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      threads: 0\n");
        Assert.That(dir.Load().Diagnostics.Single().ToString(), Is.EqualTo("profiles.yml:6:16: error MF1016: 'threads' must be at least 1, not 0"));
    }

    [Test]
    public void The_profiles_config_block_is_kept()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("profiles.yml", "config:\n  send_anonymous_usage_stats: false\nshop:\n  target: dev\n  outputs:\n    dev: {type: duckdb}\n");
        Assert.That(dir.LoadClean().UserConfig["send_anonymous_usage_stats"], Is.EqualTo(false));
    }
}
