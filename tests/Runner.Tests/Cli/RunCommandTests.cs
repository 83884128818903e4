using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

public sealed class RunCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile("models:\n  shop:\n    marts:\n      +materialized: table\n      +schema: marts\n")
        .With("models/staging/stg_orders.sql", "select 1 as order_id, 10 as amount union all select 2, 20")
        .With("models/staging/stg_customers.sql", "select 1 as customer_id, 'Ada' as name")
        .With("models/marts/orders.sql", "select o.order_id, o.amount * {{ var('factor', 1) }} as amount\nfrom {{ ref('stg_orders') }} o");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Run_builds_views_and_tables_in_dependency_order_into_the_default_database()
    {
        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "stg_orders"), Is.EqualTo("view"));
        Assert.That(Database.RelationType(_project.DatabasePath, "main_marts", "orders"), Is.EqualTo("table"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select cast(sum(amount) as integer) from main_marts.orders"), Is.EqualTo(30));
        var output = result.Output;
        Assert.That(output.IndexOf("OK sql view model main.stg_orders", StringComparison.Ordinal),
            Is.LessThan(output.IndexOf("OK sql table model main_marts.orders", StringComparison.Ordinal)));
        Assert.That(output, Does.Contain("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3"));
    }

    [Test]
    public void Run_writes_run_results_and_a_manifest_with_parent_and_child_maps()
    {
        _project.Forge("run");

        using var results = JsonDocument.Parse(_project.Read("target/run_results.json"));
        var statuses = results.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.GetProperty("status").GetString());
        Assert.That(statuses, Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["model.shop.stg_customers"] = "success", ["model.shop.stg_orders"] = "success", ["model.shop.orders"] = "success",
        }));
        using var manifest = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var root = manifest.RootElement;
        Assert.That(root.GetProperty("parent_map").GetProperty("model.shop.orders").EnumerateArray().Select(e => e.GetString()),
            Is.EqualTo(new[] { "model.shop.stg_orders" }));
        Assert.That(root.GetProperty("child_map").GetProperty("model.shop.stg_orders").EnumerateArray().Select(e => e.GetString()),
            Is.EqualTo(new[] { "model.shop.orders" }));
        Assert.That(root.GetProperty("nodes").GetProperty("model.shop.orders").GetProperty("relation_name").GetString(),
            Is.EqualTo("\"shop\".\"main_marts\".\"orders\""));
    }

    [Test]
    public void Vars_from_the_command_line_override_defaults()
    {
        var result = _project.Forge("run", "--vars", "{factor: 3}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, "select cast(sum(amount) as integer) from main_marts.orders"), Is.EqualTo(90));
    }

    [Test]
    public void A_sql_error_names_the_model_line_and_compiled_file_and_skips_only_downstream()
    {
        _project.With("models/staging/stg_orders.sql", "select 1 as order_id,\n  10 as amount\nfrom no_such_table");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/staging/stg_orders.sql:3:6: error MF5001"));
        Assert.That(result.Output, Does.Contain("no_such_table"));
        Assert.That(result.Output, Does.Contain("target/compiled/shop/models/staging/stg_orders.sql"));
        Assert.That(result.Output, Does.Contain("SKIP sql table model main_marts.orders"));
        Assert.That(result.Output, Does.Contain("OK sql view model main.stg_customers"));
        Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void A_failed_table_build_leaves_the_previous_version_intact()
    {
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        _project.With("models/marts/orders.sql", "select order_id, cast('not a number' as integer) as amount from {{ ref('stg_orders') }}");

        var result = _project.Forge("run", "--select", "orders");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(Database.Scalar(_project.DatabasePath, "select cast(sum(amount) as integer) from main_marts.orders"), Is.EqualTo(30));
        Assert.That(Database.Query(_project.DatabasePath,
            "select table_name from information_schema.tables where table_name like '%forge%'"), Is.Empty, "no helper relations left");
    }

    [Test]
    public void A_model_that_changes_from_view_to_table_and_back_replaces_the_relation()
    {
        _project.Forge("run");
        _project.With("models/staging/stg_customers.sql", "{{ config(materialized='table') }}\nselect 2 as customer_id");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "stg_customers"), Is.EqualTo("table"));

        _project.With("models/staging/stg_customers.sql", "select 3 as customer_id");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "stg_customers"), Is.EqualTo("view"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select customer_id from main.stg_customers"), Is.EqualTo(3));
    }

    [Test]
    public void Selecting_a_model_with_a_plus_runs_its_parents_first()
    {
        var result = _project.Forge("run", "-s", "+orders");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("TOTAL=2"));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "stg_customers"), Is.Null);
    }

    [Test]
    public void Many_threads_build_the_same_result_as_one()
    {
        for (var i = 0; i < 12; i++) _project.With($"models/staging/extra_{i}.sql", $"select {i} as n, * from {{{{ ref('stg_orders') }}}}");

        var result = _project.Forge("run", "--threads", "4");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Concurrency: 4 threads"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from information_schema.tables where table_name like 'extra_%'"), Is.EqualTo(12));
    }
}
