using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DuckDbProfile;

/// A DuckDB profile as dbt-duckdb users write it: extensions, settings, secrets, attach and an
/// in-memory database shared by every thread, applied on each connection forge opens.
public sealed class DuckDbProfileTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("duckprof").WithProjectFile();

    [TearDown]
    public void TearDown() => _project.Dispose();

    private TempProject Profile(string output) =>
        _project.With("profiles.yml", "duckprof:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n" + output);

    [Test]
    public void An_in_memory_target_is_one_database_for_every_thread()
    {
        // Without a path: dbt-duckdb's single in-memory database. Eight views on one table, built on
        // four threads, each read the table another thread created.
        Profile("      threads: 4\n");
        _project.With("models/base.sql", "{{ config(materialized='table') }}\nselect range as id from range(10)");
        for (var i = 1; i <= 8; i++) _project.With($"models/v{i}.sql", $"select count(*) as n, {i} as k from {{{{ ref('base') }}}}");
        _project.With("models/total.sql", string.Join("\nunion all\n", Enumerable.Range(1, 8).Select(i => $"select * from {{{{ ref('v{i}') }}}}")));

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("PASS=10"));
    }

    [Test]
    public void Extensions_are_loaded_and_debug_checks_them_and_the_settings()
    {
        Profile("      path: target/dev.duckdb\n      extensions:\n        - json\n        - name: parquet\n      settings:\n        threads: 3\n        default_order: desc\n");

        var result = _project.Forge("debug");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("extension json: OK, loaded").And.Contain("extension parquet: OK, loaded"));
        Assert.That(result.Output, Does.Contain("setting threads: OK, in effect: 3").And.Contain("setting default_order: OK, in effect: DESC"));
        Assert.That(result.Output, Does.Contain("extensions: [json, {name: parquet}]").And.Not.Contain("System.Collections"));
    }

    [Test]
    public void Settings_are_applied_on_every_threads_connection()
    {
        Profile("      path: target/dev.duckdb\n      threads: 3\n      settings:\n        default_order: desc\n");
        for (var i = 1; i <= 6; i++)
            _project.With($"models/m{i}.sql", "{{ config(materialized='table') }}\nselect current_setting('default_order') as v");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var values = Enumerable.Range(1, 6).Select(i => Database.Scalar(Path.Combine(_project.Root, "target/dev.duckdb"), $"select v from main.m{i}"));
        Assert.That(values, Is.All.EqualTo("DESC"));
    }

    [Test]
    public void Config_options_are_given_when_the_database_opens()
    {
        // allow_unsigned_extensions can only be set at start-up, not with SET.
        Profile("      path: target/dev.duckdb\n      config_options:\n        allow_unsigned_extensions: true\n");
        _project.With("models/m.sql", "{{ config(materialized='table') }}\nselect current_setting('allow_unsigned_extensions') as v");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(Path.Combine(_project.Root, "target/dev.duckdb"), "select v from main.m"), Is.EqualTo(true));
    }

    [Test]
    public void Keys_that_need_python_are_a_warning_at_the_key()
    {
        Profile("      path: target/dev.duckdb\n      plugins:\n        - module: gsheet\n");
        _project.With("models/m.sql", "select 1 as id");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.All, Does.Contain("profiles.yml:7:7: warning MF1075: dbt-duckdb's profile key 'plugins' is not supported by forge and is ignored"));
    }

    [Test]
    public void An_extension_that_cannot_be_installed_names_itself_and_its_line()
    {
        Profile("      path: target/dev.duckdb\n      extensions:\n        - json\n        - forge_no_such_extension\n");
        _project.With("models/a.sql", "select 1 as id");

        var debug = _project.Forge("debug");
        var run = _project.Forge("run");

        Assert.That(debug.ExitCode, Is.EqualTo(1), debug.ToString());
        Assert.That(debug.Output, Does.Contain("connection: FAILED"));
        Assert.That(debug.Error, Does.Contain("profiles.yml:9:11: error MF6020: target 'dev': DuckDB extension 'forge_no_such_extension' cannot be loaded"));
        Assert.That(run.ExitCode, Is.Not.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Contain("MF6020").And.Contain("forge_no_such_extension"));
    }

    [Test]
    public void A_secret_that_fails_is_named_without_its_values()
    {
        Profile("      path: target/dev.duckdb\n      secrets:\n        - type: forge_no_such_type\n          key_id: AKIA_FORGE_KEY\n          secret: forge-very-secret-value\n");

        var result = _project.Forge("debug");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("error MF6022: target 'dev': cannot create DuckDB secret '_dbt_secret_1' of type 'forge_no_such_type'"));
        Assert.That(result.Output, Does.Contain("secrets: [{type: forge_no_such_type, key_id: ********, secret: ********}]"));
        Assert.That(result.All, Does.Not.Contain("forge-very-secret-value").And.Not.Contain("AKIA_FORGE_KEY"));
    }
}
