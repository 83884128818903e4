using System.Globalization;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Live;

/// <summary>Microbatch models and dbt 1.9 snapshot options on a real SQL Server; ignored without a server.</summary>
internal sealed class MicrobatchLiveTests : LiveSqlServerTestBase
{
    private TempProject _project = null!;
    private string _schema = null!;

    [SetUp]
    public void Create()
    {
        _schema = UniqueSchema("forge_mb");
        Server.Scalar($"exec('create schema [{_schema}]'); select 1");
        Server.Scalar($"create table [{_schema}].[events] (id int, amount int, ts datetime2(0)); " +
            $"insert into [{_schema}].[events] values (1, 10, '2024-01-01T08:00:00'), (2, 20, '2024-01-02T09:00:00'), (3, 30, '2024-01-03T23:59:00'); select 1");
        _project = new TempProject("shop").WithProjectFile()
            .With("profiles.yml", Server.Profiles("shop", _schema))
            .WithEnvironment("FORGE_LIVE_PASSWORD", Server.Password)
            .With("models/_sources.yml", $"version: 2\nsources:\n  - name: raw\n    schema: {_schema}\n    tables:\n      - name: events\n        config:\n          event_time: ts\n");
    }

    [TearDown]
    public void Delete()
    {
        _project.Dispose();
        Server.DropSchemas(_schema);
    }

    private List<string> Rows(string sql) =>
        Server.Rows(sql).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();

    [Test]
    public void A_failing_batch_leaves_the_other_windows_built_and_a_rerun_of_its_window_completes_the_table()
    {
        const string config = "{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', begin='2024-01-01') }}\n";
        _project.With("models/orders.sql", config +
            "select id, {% if model.batch.id == '20240102' %}cast('x' + cast(id as varchar(10)) as int){% else %}amount{% endif %} as amount, ts from {{ source('raw', 'events') }}");
        var first = _project.Forge("run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04");
        Assert.That(first.ExitCode, Is.EqualTo(1), first.ToString());
        Assert.That(Rows($"select id from [{_schema}].[orders] order by id"), Is.EqualTo(new[] { "1", "3" }));

        _project.With("models/orders.sql", config + "select id, amount, ts from {{ source('raw', 'events') }}");
        var rerun = _project.Forge("run", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03");

        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.ToString());
        Assert.That(Rows($"select id, amount from [{_schema}].[orders] order by id"), Is.EqualTo(new[] { "1|10", "2|20", "3|30" }));
    }

    [Test]
    public void A_new_record_snapshot_records_a_deletion_once()
    {
        _project.With("snapshots/_snapshots.yml", "snapshots:\n  - name: events_history\n    relation: source('raw', 'events')\n    config:\n" +
            "      unique_key: id\n      strategy: check\n      check_cols: [amount]\n      hard_deletes: new_record\n");
        Assert.That(_project.Forge("snapshot").ExitCode, Is.EqualTo(0));
        Server.Scalar($"delete from [{_schema}].[events] where id = 2; select 1");

        var second = _project.Forge("snapshot");
        var third = _project.Forge("snapshot");

        Assert.That(second.ExitCode + third.ExitCode, Is.EqualTo(0), second + "\n" + third);
        Assert.That(Rows($"select id, dbt_is_deleted, case when dbt_valid_to is null then 1 else 0 end from [{_schema}].[events_history] order by id, dbt_valid_from"),
            Is.EqualTo(new[] { "1|False|1", "2|False|0", "2|True|1", "3|False|1" }));
    }
}
