using System.Text.Json.Nodes;
using ModelForge.Runner.Tests.SqlServer;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Clone;

/// <summary>`forge clone --state DIR`: production's relations made readable in a CI schema, on DuckDB for real and on SQL Server recorded.</summary>
public sealed class CloneCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("cl").WithProjectFile()
        .With("profiles.yml", """
            cl:
              target: prod
              outputs:
                prod: {type: duckdb, path: target/wh.duckdb, schema: prod}
                ci: {type: duckdb, path: target/wh.duckdb, schema: ci}
            """)
        .With("seeds/codes.csv", "code,label\n1,one\n")
        .With("models/stg.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'prod' as env")
        .With("models/helper.sql", "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('stg') }}")
        .With("models/orders.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('helper') }}")
        .With("models/report.sql", "select * from {{ ref('orders') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private string Warehouse => Path.Combine(_project.Root, "target", "wh.duckdb");

    /// <summary>Builds production and copies its manifest to prod-state/.</summary>
    private void BuildProduction()
    {
        var build = _project.Forge("build", "--target", "prod");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        Directory.CreateDirectory(Path.Combine(_project.Root, "prod-state"));
        File.Copy(Path.Combine(_project.Root, "target", "manifest.json"), Path.Combine(_project.Root, "prod-state", "manifest.json"));
    }

    private string? KindInCi(string name) => Database.Query(Warehouse,
        $"select table_type from information_schema.tables where table_schema = 'ci' and table_name = '{name}'").SingleOrDefault()?[0] as string;

    [Test]
    public void Clone_points_the_ci_schema_at_the_state_relations_and_skips_ephemeral_models()
    {
        BuildProduction();

        var result = _project.Forge("clone", "--state", "prod-state", "--target", "ci", "--threads", "2");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("OK clone model ci.orders").And.Contain("OK clone seed ci.codes"));
        Assert.That(Database.Scalar(Warehouse, "select env from ci.orders"), Is.EqualTo("prod"));
        Assert.That(Database.Scalar(Warehouse, "select label from ci.codes"), Is.EqualTo("one"));
        Assert.That(KindInCi("orders"), Is.EqualTo("VIEW"), "DuckDB has no zero-copy clone: a view on the state relation");
        Assert.That(KindInCi("helper"), Is.Null, "ephemeral models have no relation");
        var results = JsonNode.Parse(_project.Read("target/run_results.json"))!;
        Assert.That(results["args"]!["which"]?.GetValue<string>() ?? "clone", Is.EqualTo("clone"));
        var ids = results["results"]!.AsArray().Select(r => r!["unique_id"]!.GetValue<string>()).Order().ToList();
        Assert.That(ids, Is.EqualTo(new[] { "model.cl.orders", "model.cl.report", "model.cl.stg", "seed.cl.codes" }));
        Assert.That(results["results"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()), Is.All.EqualTo("success"));
    }

    [Test]
    public void An_existing_table_is_kept_unless_full_refresh()
    {
        BuildProduction();
        Database.Execute(Warehouse, "create schema ci; create table ci.orders as select 2 as id, 'ci' as env");

        var kept = _project.Forge("clone", "--state", "prod-state", "--target", "ci", "--select", "orders");
        Assert.That(kept.ExitCode, Is.EqualTo(0), kept.ToString());
        Assert.That(Database.Scalar(Warehouse, "select env from ci.orders"), Is.EqualTo("ci"));
        Assert.That(kept.Output, Does.Contain("NO-OP"));

        var replaced = _project.Forge("clone", "--state", "prod-state", "--target", "ci", "--select", "orders", "--full-refresh");
        Assert.That(replaced.ExitCode, Is.EqualTo(0), replaced.ToString());
        Assert.That(Database.Scalar(Warehouse, "select env from ci.orders"), Is.EqualTo("prod"));
        Assert.That(KindInCi("orders"), Is.EqualTo("VIEW"));
        Assert.That(KindInCi("stg"), Is.Null, "only the selected node is cloned");
    }

    [Test]
    public void A_state_relation_missing_from_the_warehouse_fails_that_node_only()
    {
        BuildProduction();
        Database.Execute(Warehouse, "drop view prod.report");

        var result = _project.Forge("clone", "--state", "prod-state", "--target", "ci");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output + result.Error, Does.Contain("MF6142").And.Contain("\"prod\".\"report\" does not exist"));
        Assert.That(KindInCi("orders"), Is.EqualTo("VIEW"));
    }

    [Test]
    public void Clone_without_state_or_with_an_unreadable_one_is_a_usage_error()
    {
        var none = _project.Forge("clone");
        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.Error, Does.Contain("error MF6141: forge clone needs --state").And.Contain("hint:"));

        var missing = _project.Forge("clone", "--state", "nowhere");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("MF3420").And.Contain("manifest.json not found"));
    }

    [Test]
    public void On_sql_server_clone_creates_views_on_the_state_relations_that_scriptdom_parses()
    {
        // Given a state manifest whose relations live in schema prod of the same server
        _project.With("profiles.yml", """
            cl:
              target: sqlserver
              outputs:
                prod: {type: sqlserver, server: localhost, database: warehouse, schema: prod, user: forge, password: not-used}
                sqlserver: {type: sqlserver, server: localhost, database: warehouse, schema: analytics, user: forge, password: not-used}
            """);
        var compile = new RecordedRun().Forge(_project, "compile", "--target", "prod");
        Assert.That(compile.ExitCode, Is.EqualTo(0), compile.ToString());
        Directory.CreateDirectory(Path.Combine(_project.Root, "prod-state"));
        File.Copy(Path.Combine(_project.Root, "target", "manifest.json"), Path.Combine(_project.Root, "prod-state", "manifest.json"));
        var run = new RecordedRun();
        foreach (var name in new[] { "stg", "orders", "report", "codes" }) run.Existing[("prod", name)] = name == "report" ? "view" : "table";
        run.Existing[("analytics", "stg")] = "table";

        // When cloned into the SQL Server target's schema
        var result = run.Forge(_project, "clone", "--state", "prod-state", "--target", "sqlserver");

        // Then each node but the existing one is a view on its prod relation, every statement valid T-SQL
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(run.Log.Statements, Has.Some.Contains("VIEW [analytics].[orders]").And.Contains("select * from [warehouse].[prod].[orders]"));
        Assert.That(run.Log.Statements, Has.None.Contains("[analytics].[stg]"), "an existing relation is kept");
        run.AssertEveryStatementParses();
    }
}
