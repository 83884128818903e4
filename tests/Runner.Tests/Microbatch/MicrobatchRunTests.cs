using System.Globalization;
using System.Text.Json;
using ModelForge.Runner.Tests.Incremental;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Microbatch;

/// <summary>
/// Microbatch models (dbt 1.9) on a real DuckDB: each batch replaces its window of the table, the
/// upstream that declares event_time is filtered to the window, and a failed batch leaves the
/// others in place.
/// </summary>
internal sealed class MicrobatchRunTests : IncrementalTestBase
{
    private const string Sources = "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: events\n        config:\n          event_time: ts\n";

    [SetUp]
    public void SeedSource()
    {
        Project.With("models/_sources.yml", Sources);
        Execute("create table raw.events (id integer, amount integer, ts timestamp)");
        Execute("insert into raw.events values (1, 10, '2024-01-01 08:00'), (2, 20, '2024-01-02 09:00'), (3, 30, '2024-01-03 23:59'), (4, 40, '2024-01-04 00:00')");
    }

    private static string Model(string begin, string body = "amount", string extra = "") =>
        "{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', " +
        $"begin='{begin}'{extra}) }}}}\nselect id, {body} as amount, ts, '{{{{ model.batch.id }}}}' as batch_id from {{{{ source('raw', 'events') }}}}";

    [Test]
    public void A_backfill_builds_one_batch_per_day_of_the_range_each_reading_only_its_window()
    {
        Project.With("models/orders.sql", Model("2024-01-01"));

        var run = Run("--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");

        Assert.That(Rows("select id, batch_id from main.orders order by id"), Is.EqualTo(new[] { "1|20240101", "2|20240102", "3|20240103" }),
            "the row at 2024-01-04 00:00 is outside [start, end)");
        Assert.That(run.Output, Does.Contain("OK sql incremental model main.orders").And.Contain("3 of 3 batches"));
        var result = RunResult("model.shop.orders");
        Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("success"));
        Assert.That(Batches(result, "successful"), Is.EqualTo(new[]
        {
            "2024-01-01T00:00:00+00:00..2024-01-02T00:00:00+00:00",
            "2024-01-02T00:00:00+00:00..2024-01-03T00:00:00+00:00",
            "2024-01-03T00:00:00+00:00..2024-01-04T00:00:00+00:00",
        }));
        Assert.That(Batches(result, "failed"), Is.Empty);
        Assert.That(Project.Read("target/run/shop/models/orders.sql"), Does.Contain("where ts >= cast('2024-01-02 00:00:00.000000' as timestamp) and ts < cast('2024-01-03 00:00:00.000000' as timestamp))"));
    }

    [Test]
    public void A_batch_replaces_its_window_and_leaves_the_rest_of_the_table()
    {
        Project.With("models/orders.sql", Model("2024-01-01"));
        Run("--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");
        Execute("update raw.events set amount = amount + 1; insert into raw.events values (5, 50, '2024-01-02 12:00')");

        Run("--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03");

        Assert.That(Rows("select id, amount from main.orders order by id"), Is.EqualTo(new[] { "1|10", "2|21", "3|30", "5|50" }));
    }

    [Test]
    public void A_ref_to_a_model_without_event_time_is_not_filtered()
    {
        Project.With("models/customers.sql", "select 1 as id, 'a' as name union all select 2, 'b' union all select 3, 'c'")
            .With("models/orders.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', begin='2024-01-01') }}\n" +
                "select e.id, c.name, e.ts from {{ source('raw', 'events') }} e join {{ ref('customers') }} c on c.id = e.id");

        Run("--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");

        Assert.That(Rows("select id, name from main.orders order by id"), Is.EqualTo(new[] { "1|a", "2|b", "3|c" }));
    }

    [Test]
    public void Forge_build_filters_an_upstream_model_that_declares_event_time_in_its_config()
    {
        Project.With("models/events_clean.sql", "{{ config(materialized='table', event_time='ts') }}\nselect id, amount, ts from {{ source('raw', 'events') }}")
            .With("models/orders.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', begin='2024-01-01') }}\n" +
                "select id, ts, '{{ model.batch.event_time_start }}' as batch_start from {{ ref('events_clean') }} as e");

        var build = Project.Forge("build", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-04");

        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        Assert.That(Rows("select id, batch_start from main.orders order by id"), Is.EqualTo(new[] { "2|2024-01-02 00:00:00+00:00", "3|2024-01-03 00:00:00+00:00" }));
        Assert.That(Rows("select count(*) from main.events_clean"), Is.EqualTo(new[] { "4" }), "the upstream itself is built whole");
    }

    [Test]
    public void A_model_that_does_not_select_its_event_time_is_told_so()
    {
        Project.With("models/orders.sql", "{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', begin='2024-01-01') }}\n" +
            "select id from {{ source('raw', 'events') }}");

        var run = Project.Forge("run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-03");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("MF6110: 1 of 2 batches of microbatch model 'orders' failed; batch 20240102: microbatch model 'orders' does not select its event_time column 'ts'"));
    }

    [Test]
    public void A_failing_batch_rolls_back_alone_and_the_model_ends_in_partial_success()
    {
        Project.With("models/orders.sql", Model("2024-01-01",
            "{% if model.batch.id == '20240102' %}cast('not a number' || id as integer){% else %}amount{% endif %}"));

        var run = Project.Forge("run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("PARTIAL SUCCESS").And.Contain("2 of 3 batches"));
        Assert.That(run.Output, Does.Contain("MF6110").And.Contain("batch 20240102"));
        Assert.That(Rows("select id from main.orders order by id"), Is.EqualTo(new[] { "1", "3" }));
        var result = RunResult("model.shop.orders");
        Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("partial success"));
        Assert.That(Batches(result, "failed"), Is.EqualTo(new[] { "2024-01-02T00:00:00+00:00..2024-01-03T00:00:00+00:00" }));
        Assert.That(Batches(result, "successful"), Has.Count.EqualTo(2));
    }

    [Test]
    public void When_the_batch_that_creates_the_table_fails_no_other_batch_runs()
    {
        Project.With("models/orders.sql", Model("2024-01-01",
            "{% if model.batch.id == '20240101' %}cast('not a number' || id as integer){% else %}amount{% endif %}"));

        var run = Project.Forge("run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var result = RunResult("model.shop.orders");
        Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(Batches(result, "failed"), Has.Count.EqualTo(3));
        Assert.That(Tables("main"), Is.Empty);
    }

    [Test]
    public void A_later_run_rebuilds_the_lookback_window_and_picks_up_late_rows()
    {
        var today = DateTime.UtcNow.Date;
        string Day(int back) => today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Execute("delete from raw.events");
        Execute($"insert into raw.events values (1, 10, '{Day(3)} 10:00'), (2, 20, '{Day(2)} 10:00'), (3, 30, '{Day(1)} 10:00'), (4, 40, '{Day(0)} 00:30')");
        Project.With("models/orders.sql", Model(Day(3)));
        Run();
        Assert.That(Rows("select id from main.orders order by id"), Is.EqualTo(new[] { "1", "2", "3", "4" }), "the first run builds from begin");

        Execute($"insert into raw.events values (5, 50, '{Day(1)} 18:00'), (6, 60, '{Day(3)} 18:00')");
        Run();

        Assert.That(Rows("select id from main.orders order by id"), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }),
            "lookback=1 rebuilds yesterday and today: the late row of yesterday comes in, the one three days back does not");
        Assert.That(Batches(RunResult("model.shop.orders"), "successful"), Has.Count.EqualTo(2));
    }

    [Test]
    public void Full_refresh_rebuilds_every_batch_from_begin()
    {
        Project.With("models/orders.sql", Model("2024-01-01"));
        Run("--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");
        Execute("delete from raw.events where id = 2; insert into raw.events values (6, 60, '2024-01-01 20:00')");

        Run("--full-refresh", "--event-time-end", "2024-01-04");

        Assert.That(Rows("select id from main.orders order by id"), Is.EqualTo(new[] { "1", "3", "6" }));
        Assert.That(Batches(RunResult("model.shop.orders"), "successful"), Has.Count.EqualTo(3));
    }

    [Test]
    public void The_failed_batches_of_a_partial_success_can_be_rerun_alone()
    {
        Project.With("models/orders.sql", Model("2024-01-01",
            "{% if model.batch.id == '20240102' %}cast('not a number' || id as integer){% else %}amount{% endif %}"));
        Assert.That(Project.Forge("run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04").ExitCode, Is.EqualTo(1));
        Execute("update raw.events set amount = amount * 100");
        Project.With("models/orders.sql", Model("2024-01-01"));
        using var previous = JsonDocument.Parse(Project.Read("target/run_results.json"));
        var failed = ModelForge.Runner.Execution.FailedBatches.Read(previous.RootElement);

        var retry = RunWithBatches(failed);

        Assert.That(retry.ExitCode, Is.EqualTo(0), retry.ToString());
        Assert.That(Rows("select id, amount from main.orders order by id"), Is.EqualTo(new[] { "1|10", "2|2000", "3|30" }),
            "only the failed day is rebuilt; the batches kept by the first run are untouched");
        Assert.That(Batches(RunResult("model.shop.orders"), "successful"), Is.EqualTo(new[] { "2024-01-02T00:00:00+00:00..2024-01-03T00:00:00+00:00" }));
    }

    [Test]
    public void Forge_retry_reruns_only_the_failed_batches_of_the_previous_run()
    {
        Project.With("models/orders.sql", Model("2024-01-01",
            "{% if model.batch.id == '20240102' %}cast('not a number' || id as integer){% else %}amount{% endif %}"));
        Assert.That(Project.Forge("run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04").ExitCode, Is.EqualTo(1));
        Execute("update raw.events set amount = amount * 100");
        Project.With("models/orders.sql", Model("2024-01-01"));

        var retry = Project.Forge("retry");

        Assert.That(retry.ExitCode, Is.EqualTo(0), retry.ToString());
        Assert.That(Rows("select id, amount from main.orders order by id"), Is.EqualTo(new[] { "1|10", "2|2000", "3|30" }));
        Assert.That(Batches(RunResult("model.shop.orders"), "successful"), Is.EqualTo(new[] { "2024-01-02T00:00:00+00:00..2024-01-03T00:00:00+00:00" }));
    }

    private ForgeResult RunWithBatches(IReadOnlyDictionary<string, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow>> batches)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var environment = new ModelForge.Runner.Cli.CliEnvironment { Output = output, Error = error, WorkingDirectory = Project.Root, HomeDirectory = Path.Combine(Project.Root, ".home") };
        var options = new ModelForge.Runner.Cli.InvocationOptions { Command = "run", ProjectDirectory = Project.Root, MicrobatchBatches = batches };
        var session = ModelForge.Runner.Cli.ProjectSession.Open(options, environment)!;
        var selected = ModelForge.Runner.Execution.NodeSelector.Select(session, environment, new HashSet<Compiler.Project.ResourceType> { Compiler.Project.ResourceType.Model })!;
        var exit = new ModelForge.Runner.Execution.RunInvocation(session, environment).Run(selected);
        return new ForgeResult(exit, output.ToString(), error.ToString());
    }

    private JsonElement RunResult(string uniqueId)
    {
        using var document = JsonDocument.Parse(Project.Read("target/run_results.json"));
        return document.RootElement.GetProperty("results").EnumerateArray().First(r => r.GetProperty("unique_id").GetString() == uniqueId).Clone();
    }

    private static List<string> Batches(JsonElement result, string which) =>
        result.GetProperty("batch_results").GetProperty(which).EnumerateArray()
            .Select(b => $"{b[0].GetString()}..{b[1].GetString()}").ToList();
}
