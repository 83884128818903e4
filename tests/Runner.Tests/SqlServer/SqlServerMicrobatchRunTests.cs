using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>A microbatch model on SQL Server with no server: the statements of a two-batch backfill, each parsed by ScriptDom.</summary>
public sealed class SqlServerMicrobatchRunTests
{
    [Test]
    public void A_backfill_creates_the_table_from_the_first_batch_then_replaces_each_window_in_a_transaction()
    {
        using var project = new TempProject("incr").WithProjectFile()
            .WithRecordingSqlServerProfile()
            .With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        config:\n          event_time: ordered_at\n")
            .With("models/daily_orders.sql", """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ordered_at', batch_size='day', begin='2024-01-01') }}
                select id, ordered_at, '{{ model.batch.id }}' as batch_id from {{ source('raw', 'orders') }}
                """);
        var run = new RecordedRun();
        run.Columns["daily_orders"] = [("id", "int"), ("ordered_at", "datetime2(7)"), ("batch_id", "varchar(8)")];
        run.Columns["daily_orders__forge_incr"] = run.Columns["daily_orders"];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-03");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        run.AssertEveryStatementParses();
        GoldenFile.Verify("tests/Golden/SqlServer/run-microbatch.verified.sql", run.Log.ToScript());
        Assert.That(run.Log.ToScript(), Does.Contain("DELETE FROM [warehouse].[analytics].[daily_orders]\nWHERE ordered_at >= cast('2024-01-02T00:00:00.000000' as datetime2(6))"));
    }
}
