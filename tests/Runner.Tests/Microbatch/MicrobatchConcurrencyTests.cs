using System.Text.Json;
using ModelForge.Runner.Tests.Incremental;
using ModelForge.Runner.Tests.SqlServer;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Microbatch;

/// <summary>
/// concurrent_batches (dbt 1.9) on a real DuckDB: with --threads above 1 the batches run at once,
/// each staged under its own helper on its own connection (target/run shows which path ran), after
/// the batch that creates the table has run alone; a model that reads `this` runs them in order.
/// </summary>
internal sealed class MicrobatchConcurrencyTests : IncrementalTestBase
{
    [SetUp]
    public void SeedSource()
    {
        Project.With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: events\n        config:\n          event_time: ts\n");
        Execute("create table raw.events (id integer, amount integer, ts timestamp)");
        Execute("insert into raw.events values (1, 10, '2024-01-01 08:00'), (2, 20, '2024-01-02 09:00'), (3, 30, '2024-01-03 23:59'), (4, 40, '2024-01-04 10:00')");
    }

    private static string Model(string extra = "", string body = "amount", string tail = "") =>
        "{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', " +
        $"begin='2024-01-01'{extra}) }}}}\nselect id, {body} as amount, ts from {{{{ source('raw', 'events') }}}}{tail}";

    private static readonly string[] Range = ["--event-time-start", "2024-01-01", "--event-time-end", "2024-01-05"];

    private string RunFile => Project.Read("target/run/shop/models/orders.sql");

    [Test]
    public void The_first_batch_creates_the_table_alone_then_the_others_run_at_once()
    {
        Project.With("models/orders.sql", Model());

        var run = Run(["--threads", "4", .. Range]);

        Assert.That(run.Output, Does.Contain("4 of 4 batches"));
        Assert.That(Rows("select id, amount from main.orders order by id"), Is.EqualTo(new[] { "1|10", "2|20", "3|30", "4|40" }));
        var statements = RunFile;
        Assert.That(statements, Does.Contain("orders__forge_incr_b0").And.Contain("orders__forge_incr_b1").And.Contain("orders__forge_incr_b2"));
        Assert.That(statements.IndexOf("create", StringComparison.OrdinalIgnoreCase), Is.LessThan(statements.IndexOf("__forge_incr_b", StringComparison.Ordinal)),
            "the table is created by the first batch before any concurrent batch stages");
        Assert.That(Tables("main"), Is.EqualTo(new[] { "orders" }), "no helper is left behind");
    }

    [Test]
    public void A_failing_concurrent_batch_rolls_back_alone()
    {
        Project.With("models/orders.sql", Model());
        Run(["--threads", "4", .. Range]);
        Execute("update raw.events set amount = amount * 100");
        Project.With("models/orders.sql", Model(body: "{% if model.batch.id == '20240103' %}cast('not a number' || id as integer){% else %}amount{% endif %}"));

        var run = Project.Forge(["run", "--threads", "4", .. Range]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("PARTIAL SUCCESS").And.Contain("3 of 4 batches"));
        Assert.That(Rows("select id, amount from main.orders order by id"), Is.EqualTo(new[] { "1|1000", "2|2000", "3|30", "4|4000" }));
        Assert.That(RunFile, Does.Contain("__forge_incr_b"));
        Assert.That(Tables("main"), Is.EqualTo(new[] { "orders" }));
        using var results = JsonDocument.Parse(Project.Read("target/run_results.json"));
        var batches = results.RootElement.GetProperty("results")[0].GetProperty("batch_results");
        Assert.That(batches.GetProperty("failed").GetArrayLength(), Is.EqualTo(1));
        Assert.That(batches.GetProperty("successful").GetArrayLength(), Is.EqualTo(3));
    }

    [TestCase("", "{% if is_incremental() %} where ts >= (select min(ts) from {{ this }}){% endif %}", false, TestName = "A model that reads this runs its batches in order")]
    [TestCase(", concurrent_batches=true", "{% if is_incremental() %} where ts >= (select min(ts) from {{ this }}){% endif %}", true, TestName = "concurrent_batches true overrides the detection of this")]
    [TestCase(", concurrent_batches=false", "", false, TestName = "concurrent_batches false runs the batches in order")]
    [TestCase("", "", true, TestName = "Unset concurrent_batches runs batches at once when the model does not read this")]
    public void Concurrency_follows_concurrent_batches_and_the_use_of_this(string extra, string tail, bool concurrent)
    {
        Project.With("models/orders.sql", Model(extra, tail: tail));
        Run(["--threads", "4", .. Range]);

        Run(["--threads", "4", .. Range]);

        Assert.That(RunFile.Contains("__forge_incr_b", StringComparison.Ordinal), Is.EqualTo(concurrent), RunFile);
        Assert.That(Rows("select count(*) from main.orders"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void On_sql_server_concurrent_batches_stage_under_their_own_helpers_and_parse()
    {
        using var project = new TempProject("incr").WithProjectFile()
            .WithRecordingSqlServerProfile()
            .With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        config:\n          event_time: ordered_at\n")
            .With("models/daily_orders.sql", """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ordered_at', batch_size='day', begin='2024-01-01', concurrent_batches=true) }}
                select id, ordered_at from {{ source('raw', 'orders') }}
                """);
        var run = new RecordedRun();
        run.Existing[("analytics", "daily_orders")] = "table";
        run.Columns["daily_orders"] = [("id", "int"), ("ordered_at", "datetime2(7)")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--threads", "3", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("3 of 3 batches"));
        run.AssertEveryStatementParses();
        var script = run.Log.ToScript();
        foreach (var helper in new[] { "daily_orders__forge_incr_b0", "daily_orders__forge_incr_b1", "daily_orders__forge_incr_b2" })
            Assert.That(script, Does.Contain(helper));
    }
}
