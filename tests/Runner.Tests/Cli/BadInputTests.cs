using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

/// <summary>Every mistake a user can make ends in a clear message with its position and a hint, never a trace.</summary>
public sealed class BadInputTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/stg_orders.sql", "select 1 as order_id")
        .With("models/orders.sql", "select * from {{ ref('stg_orders') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private static void AssertNoTrace(ForgeResult result) =>
        Assert.That(result.All, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");

    [Test]
    public void A_missing_project_file_says_how_to_create_one()
    {
        _project.Without("forge_project.yml");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("forge_project.yml").And.Contain("hint:"));
        Assert.That(result.Error, Does.Contain("forge init").Or.Contain("--project-dir"));
        AssertNoTrace(result);
    }

    [Test]
    public void Malformed_project_yaml_points_at_the_line_and_column()
    {
        _project.With("forge_project.yml", "name: shop\nprofile: shop\nmodels:\n  shop: [unclosed\n");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Match(@"forge_project\.yml:\d+:\d+: error MF1\d{3}"));
        AssertNoTrace(result);
    }

    [Test]
    public void Malformed_profiles_yaml_points_at_the_line_and_column()
    {
        _project.With("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: \"unterminated\n");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Match(@"profiles\.yml:\d+:\d+: error MF1\d{3}"));
        AssertNoTrace(result);
    }

    [Test]
    public void An_unknown_target_lists_the_targets_there_are()
    {
        _project.With("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n    prod:\n      type: duckdb\n      path: target/prod.duckdb\n");

        var result = _project.Forge("run", "--target", "staging");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("staging").And.Contain("dev").And.Contain("prod").And.Contain("profiles.yml:"));
        AssertNoTrace(result);
    }

    [Test]
    public void An_unknown_ref_points_at_the_call_and_suggests_the_closest_model()
    {
        _project.With("models/orders.sql", "select *\nfrom {{ ref('stg_ordrs') }}");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/orders.sql:2:9: error MF3001: unknown ref 'stg_ordrs'"));
        Assert.That(result.Error, Does.Contain("hint: did you mean 'stg_orders' (models/stg_orders.sql)?"));
        Assert.That(result.Error, Does.Contain("nothing was run"));
        Assert.That(File.Exists(_project.DatabasePath), Is.False, "no connection was made");
        AssertNoTrace(result);
    }

    [Test]
    public void An_unknown_source_suggests_the_declared_tables()
    {
        _project.With("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n")
            .With("models/stg_orders.sql", "select * from {{ source('raw', 'order') }}");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/stg_orders.sql:1:18: error MF3002: unknown source 'raw.order'"));
        Assert.That(result.Error, Does.Contain("source('raw', 'orders')"));
    }

    [Test]
    public void A_cycle_names_the_whole_path_and_each_file()
    {
        _project.With("models/stg_orders.sql", "select * from {{ ref('orders') }}");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error MF3003: dependency cycle: orders -> stg_orders -> orders"));
        Assert.That(result.Error, Does.Contain("models/orders.sql").And.Contain("models/stg_orders.sql"));
        AssertNoTrace(result);
    }

    [Test]
    public void Two_models_with_one_name_are_an_error_naming_both_files()
    {
        _project.With("models/more/orders.sql", "select 2 as order_id");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/orders.sql").And.Contain("models/more/orders.sql"));
        AssertNoTrace(result);
    }

    [Test]
    public void A_template_syntax_error_shows_the_line_with_a_caret()
    {
        _project.With("models/orders.sql", "select *\nfrom {{ ref('stg_orders') }}\n{% if true %}\nwhere 1 = 1\n");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Match(@"models/orders\.sql:3:\d+: error MF2\d{3}"));
        Assert.That(result.Error, Does.Contain("endif"));
        Assert.That(result.Error, Does.Contain("^"));
    }

    [Test]
    public void An_unwritable_target_path_is_a_clear_error()
    {
        // A file where the target folder should be: creating target/ fails even for root.
        _project.With("target", "not a folder");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.All, Does.Contain("target").And.Contain("hint:"));
        AssertNoTrace(result);
    }

    [Test]
    public void An_unknown_command_line_flag_exits_with_2_and_a_hint()
    {
        var result = _project.Forge("run", "--thread", "4");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("unknown option '--thread'").And.Contain("did you mean '--threads'?"));
        AssertNoTrace(result);
    }

    [Test]
    public void Bad_vars_point_at_the_column_in_the_argument()
    {
        var result = _project.Forge("run", "--vars", "{days: [1, 2}");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--vars:1:"));
        AssertNoTrace(result);
    }

    [Test]
    public void A_failing_run_query_points_at_the_call_and_shows_the_database_message()
    {
        _project.With("models/orders.sql", "{% if execute %}\n{% set rows = run_query('select * from nowhere') %}\n{% endif %}\nselect 1 as id");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/orders.sql:2:15: error MF5001: database error: Catalog Error"));
        Assert.That(result.Output, Does.Contain("nowhere"));
        AssertNoTrace(result);
    }

    [Test]
    public void A_missing_var_names_the_var_and_where_it_is_used()
    {
        _project.With("models/orders.sql", "select {{ var('start_date') }} as d");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/orders.sql:1:11").And.Contain("start_date"));
    }
}
