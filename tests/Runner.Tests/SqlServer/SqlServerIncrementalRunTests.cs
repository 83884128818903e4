using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>Incremental strategies and snapshots on SQL Server with no server: the exact statements.</summary>
public sealed class SqlServerIncrementalRunTests
{
    private static TempProject Fixture() => new TempProject("incr").WithProjectFile()
        .WithRecordingSqlServerProfile()
        .With("models/events_merge.sql", """
            {{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}
            with e as (select 1 as id, cast('a' as nvarchar(4000)) as kind, sysdatetime() as seen_at)
            select * from e
            {% if is_incremental() %}where seen_at > (select max(seen_at) from {{ this }}){% endif %}
            """)
        .With("models/events_append.sql", """
            {{ config(materialized='incremental', incremental_strategy='append') }}
            select 1 as id, cast('a' as nvarchar(4000)) as kind, sysdatetime() as seen_at
            """)
        .With("models/events_delete_insert.sql", """
            {{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['id', 'kind']) }}
            select 1 as id, cast('a' as nvarchar(4000)) as kind, sysdatetime() as seen_at
            """)
        .With("snapshots/events_snapshot.sql", """
            {% snapshot events_snapshot %}
            {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='snapshots') }}
            with e as (select 1 as id, cast('a' as nvarchar(4000)) as kind)
            select * from e
            {% endsnapshot %}
            """);

    private static readonly (string, string)[] EventColumns = [("id", "int"), ("kind", "nvarchar(4000)"), ("seen_at", "datetime2(7)")];

    [Test]
    public void Incremental_runs_of_each_strategy_send_these_statements()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        foreach (var name in new[] { "events_merge", "events_append", "events_delete_insert" })
        {
            run.Existing[("analytics", name)] = "table";
            run.Columns[name] = EventColumns;
        }

        var result = run.Forge(project, "run", "--target", "sqlserver", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        GoldenFile.Verify("tests/Golden/SqlServer/run-incremental.verified.sql", run.Log.ToScript());
        run.AssertEveryStatementParses();
        Assert.That(run.Log.Statements.Single(s => s.StartsWith("MERGE", StringComparison.Ordinal)), Does.EndWith(";"));
    }

    [Test]
    public void Snapshot_runs_send_these_statements()
    {
        using var project = Fixture();
        var first = new RecordedRun();
        var firstResult = first.Forge(project, "snapshot", "--target", "sqlserver", "--threads", "1");
        Assert.That(firstResult.ExitCode, Is.EqualTo(0), firstResult.ToString());
        first.AssertEveryStatementParses();

        var later = new RecordedRun();
        later.Existing[("snapshots", "events_snapshot")] = "table";
        later.Columns["events_snapshot"] = [("id", "int"), ("kind", "nvarchar(4000)"), ("dbt_scd_id", "char(32)"),
            ("dbt_updated_at", "datetime2(6)"), ("dbt_valid_from", "datetime2(6)"), ("dbt_valid_to", "datetime2(6)")];
        later.Columns["events_snapshot__forge_snapshot_source"] = [("id", "int"), ("kind", "nvarchar(4000)")];
        var laterResult = later.Forge(project, "snapshot", "--target", "sqlserver", "--threads", "1");
        Assert.That(laterResult.ExitCode, Is.EqualTo(0), laterResult.ToString());
        later.AssertEveryStatementParses();

        // Timestamps of the run differ each time: compare the statements with them masked.
        var script = "-- first run\n" + first.Log.ToScript() + "-- later run\n" + later.Log.ToScript();
        GoldenFile.Verify("tests/Golden/SqlServer/snapshot-runs.verified.sql", MaskTimestamps(script));
    }

    private static string MaskTimestamps(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // cast('2024-03-15T08:20:30.000000' as datetime2(6)): keep the shape, drop the instant.
            if (text[i] == '\'' && i + 27 < text.Length && text[i + 11] == 'T' && text[i + 5] == '-' && text[i + 27] == '\'')
            {
                result.Append("'<snapshot time>'");
                i += 27;
                continue;
            }
            result.Append(text[i]);
        }
        return result.ToString();
    }
}
