using ModelForge.Runner.Tests.Incremental;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Snapshots;

internal sealed class SnapshotTests : IncrementalTestBase
{
    [SetUp]
    public void SeedMembers()
    {
        Project.With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: members\n");
        Execute("create table raw.members (id integer, plan varchar, updated_at timestamp)");
        Execute("insert into raw.members values (1, 'basic', '2024-01-01 10:00'), (2, 'basic', '2024-01-01 11:00')");
    }

    private void Snapshot(string config) => Project.With("snapshots/members_snapshot.sql",
        "{% snapshot members_snapshot %}\n{{ config(" + config + ") }}\nselect * from {{ source('raw', 'members') }}\n{% endsnapshot %}\n");

    private ForgeResult Snap(params string[] extra)
    {
        var result = Project.Forge(["snapshot", .. extra]);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private List<string> History(string table = "main.members_snapshot", string validFrom = "dbt_valid_from", string validTo = "dbt_valid_to") =>
        Rows($"select id, plan, {validFrom}, coalesce(cast({validTo} as varchar), 'current') from {table} order by id, {validFrom}");

    [Test]
    public void Timestamp_strategy_keeps_every_version_and_closes_the_old_one_at_the_new_updated_at()
    {
        Snapshot("unique_key='id', strategy='timestamp', updated_at='updated_at'");

        var first = Snap();
        Execute("update raw.members set plan = 'premium', updated_at = '2024-02-01 09:00' where id = 1");
        Execute("insert into raw.members values (3, 'basic', '2024-02-02 08:00')");
        Execute("delete from raw.members where id = 2");
        Snap();
        Snap();

        Assert.That(first.Output, Does.Contain("OK snapshot main.members_snapshot"));
        Assert.That(History(), Is.EqualTo(new[]
        {
            "1|basic|2024-01-01 10:00:00|2024-02-01 09:00:00",
            "1|premium|2024-02-01 09:00:00|current",
            "2|basic|2024-01-01 11:00:00|current",
            "3|basic|2024-02-02 08:00:00|current",
        }), "a deleted row stays current without invalidate_hard_deletes; an unchanged run adds nothing");
        Assert.That(Rows("select count(distinct dbt_scd_id), count(*) from main.members_snapshot"), Is.EqualTo(new[] { "4|4" }));
        Assert.That(Rows("select count(*) from main.members_snapshot where dbt_updated_at = dbt_valid_from"), Is.EqualTo(new[] { "4" }));
        Assert.That(Tables("main"), Is.EqualTo(new[] { "members_snapshot" }));
    }

    [Test]
    public void Invalidate_hard_deletes_closes_rows_gone_from_the_source_and_a_returning_key_starts_a_new_version()
    {
        Snapshot("unique_key='id', strategy='timestamp', updated_at='updated_at', invalidate_hard_deletes=True");
        Snap();
        Execute("delete from raw.members where id = 2");

        Snap();
        Assert.That(Rows("select id, dbt_valid_to is null from main.members_snapshot order by id"), Is.EqualTo(new[] { "1|True", "2|False" }));
        Execute("insert into raw.members values (2, 'premium', '2024-03-01 00:00')");
        Snap();

        Assert.That(History().Select(r => r.Split('|')[3] == "current" ? r : string.Join("|", r.Split('|')[..3]) + "|closed"), Is.EqualTo(new[]
        {
            "1|basic|2024-01-01 10:00:00|current",
            "2|basic|2024-01-01 11:00:00|closed",
            "2|premium|2024-03-01 00:00:00|current",
        }));
    }

    [Test]
    public void Hard_deletes_invalidate_is_the_dbt_1_9_spelling()
    {
        Snapshot("unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate'");
        Snap();
        Execute("delete from raw.members where id = 1");

        Snap();

        Assert.That(Rows("select id, dbt_valid_to is null from main.members_snapshot order by id"), Is.EqualTo(new[] { "1|False", "2|True" }));
    }

    [Test]
    public void Check_strategy_compares_the_check_columns_only()
    {
        Execute("alter table raw.members add column email varchar; update raw.members set email = 'm' || id || '@x'");
        Snapshot("unique_key='id', strategy='check', check_cols=['plan']");
        Snap();
        Execute("update raw.members set email = 'new@x' where id = 1; update raw.members set plan = null where id = 2");

        Snap();

        Assert.That(Rows("select id, coalesce(plan, '∅'), email, dbt_valid_to is null from main.members_snapshot order by id, dbt_valid_from"),
            Is.EqualTo(new[] { "1|basic|m1@x|True", "2|basic|m2@x|False", "2|∅|m2@x|True" }));
    }

    [Test]
    public void Check_cols_all_compares_every_column()
    {
        Snapshot("unique_key='id', strategy='check', check_cols='all'");
        Snap();
        Execute("update raw.members set updated_at = '2025-01-01' where id = 1");

        Snap();

        Assert.That(Rows("select id, dbt_valid_to is null from main.members_snapshot order by id, dbt_valid_from"),
            Is.EqualTo(new[] { "1|False", "1|True", "2|True" }));
    }

    [Test]
    public void Meta_column_names_are_configurable_and_new_source_columns_are_added()
    {
        Snapshot("unique_key='id', strategy='timestamp', updated_at='updated_at', " +
                 "snapshot_meta_column_names={'dbt_valid_from': 'valid_from', 'dbt_valid_to': 'valid_to', 'dbt_scd_id': 'scd_id', 'dbt_updated_at': 'changed_at'}");
        Snap();
        Execute("alter table raw.members add column city varchar; update raw.members set city = 'Oslo', plan = 'gold', updated_at = '2024-05-01' where id = 2");

        Snap();

        Assert.That(Columns("main", "members_snapshot"), Is.EqualTo(new[] { "id", "plan", "updated_at", "scd_id", "changed_at", "valid_from", "valid_to", "city" }));
        Assert.That(Rows("select id, plan, coalesce(city, '∅'), valid_to is null from main.members_snapshot order by id, valid_from"),
            Is.EqualTo(new[] { "1|basic|∅|True", "2|basic|∅|False", "2|gold|Oslo|True" }));
    }

    [Test]
    public void Target_schema_names_the_schema_as_written_and_plus_schema_follows_generate_schema_name()
    {
        Snapshot("target_schema='history', unique_key='id', strategy='timestamp', updated_at='updated_at'");
        Project.With("snapshots/plans.sql", "{% snapshot plans_snapshot %}\n{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at') }}\n" +
                "select id, plan, updated_at from {{ source('raw', 'members') }}\n{% endsnapshot %}\n")
            .WithProjectFile("snapshots:\n  shop:\n    +schema: snapshots\n");

        Snap();

        Assert.That(Tables("history"), Is.EqualTo(new[] { "members_snapshot" }));
        Assert.That(Tables("main_snapshots"), Is.EqualTo(new[] { "plans_snapshot" }));
    }

    [Test]
    public void A_yaml_snapshot_with_a_relation_snapshots_that_relation_and_models_can_ref_it()
    {
        Project.With("snapshots/_snapshots.yml", "snapshots:\n  - name: members_history\n    relation: source('raw', 'members')\n" +
                "    config:\n      unique_key: id\n      strategy: timestamp\n      updated_at: updated_at\n")
            .With("models/current_members.sql", "select id, plan from {{ ref('members_history') }} where dbt_valid_to is null");
        Snap();
        Execute("update raw.members set plan = 'gold', updated_at = '2024-06-01' where id = 1");
        Snap();

        var run = Project.Forge("run");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(Rows("select * from main.current_members order by id"), Is.EqualTo(new[] { "1|gold", "2|basic" }));
        Assert.That(Rows("select count(*) from main.members_history"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public void A_snapshot_without_a_strategy_is_a_compile_error_at_the_block()
    {
        Snapshot("unique_key='id'");

        var result = Project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("snapshots/members_snapshot.sql:1:1: error MF3203: snapshot 'members_snapshot' has no strategy"));
    }

    [Test]
    public void A_failure_after_rows_were_closed_rolls_the_whole_change_back()
    {
        Snapshot("unique_key='id', strategy='timestamp', updated_at='updated_at'");
        Snap();
        var before = History();
        // Given a table that rejects the new version (closing the old one succeeds first, then the insert fails)
        Execute("alter table main.members_snapshot alter column plan set not null");
        Execute("update raw.members set plan = null, updated_at = '2024-09-01' where id = 1");

        var result = Project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5001"));
        Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(History(), Is.EqualTo(before));
        Assert.That(Tables("main"), Is.EqualTo(new[] { "members_snapshot" }));
    }

    [Test]
    public void Check_all_with_a_new_source_column_and_a_hard_delete_starts_new_versions_of_every_row()
    {
        Snapshot("unique_key='id', strategy='check', check_cols='all', invalidate_hard_deletes=true");
        Execute("insert into raw.members values (3, 'basic', '2024-01-01 12:00')");
        Snap();
        Execute("alter table raw.members add column city varchar; update raw.members set city = 'Oslo' where id = 1; delete from raw.members where id = 3");

        Snap();

        Assert.That(Rows("select id, coalesce(city, '∅'), dbt_valid_to is null from main.members_snapshot order by id, dbt_valid_from"),
            Is.EqualTo(new[] { "1|∅|False", "1|Oslo|True", "2|∅|False", "2|∅|True", "3|∅|False" }));
    }

    [Test]
    public void Build_runs_a_snapshot_after_the_model_it_refs_and_before_models_that_ref_it()
    {
        Project.With("models/stg_members.sql", "select id, upper(plan) as plan, updated_at from {{ source('raw', 'members') }}")
            .With("snapshots/members_snapshot.sql", "{% snapshot members_snapshot %}\n" +
                "{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at') }}\n" +
                "select * from {{ ref('stg_members') }}\n{% endsnapshot %}\n")
            .With("models/member_history.sql", "select id, count(*) as versions from {{ ref('members_snapshot') }} group by id");
        Execute("update raw.members set plan = 'gold', updated_at = '2024-07-01' where id = 2");

        var first = Project.Forge("build");
        Execute("update raw.members set plan = 'silver', updated_at = '2024-08-01' where id = 2");
        var second = Project.Forge("build");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());
        var output = second.Output;
        Assert.That(output.IndexOf("OK sql view model main.stg_members", StringComparison.Ordinal),
            Is.LessThan(output.IndexOf("START snapshot main.members_snapshot", StringComparison.Ordinal)));
        Assert.That(output.IndexOf("OK snapshot main.members_snapshot", StringComparison.Ordinal),
            Is.LessThan(output.IndexOf("START sql view model main.member_history", StringComparison.Ordinal)));
        Assert.That(Rows("select * from main.member_history order by id"), Is.EqualTo(new[] { "1|1", "2|2" }));
        Assert.That(Rows("select plan from main.members_snapshot where id = 2 order by dbt_valid_from"), Is.EqualTo(new[] { "GOLD", "SILVER" }));
    }

    [Test]
    public void A_yaml_snapshot_relation_that_is_not_a_ref_or_source_is_a_compile_error()
    {
        Project.With("snapshots/_snapshots.yml", "snapshots:\n  - name: members_history\n    relation: raw.members\n" +
            "    config:\n      unique_key: id\n      strategy: timestamp\n      updated_at: updated_at\n");

        var result = Project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("error MF3202: snapshot 'members_history' has relation 'raw.members'"));
    }

    [Test]
    public void An_unknown_hard_deletes_value_names_the_three_that_exist()
    {
        Snapshot("unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='purge'");

        var result = Project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("error MF3204: snapshot 'members_snapshot' has hard_deletes='purge'"));
        Assert.That(result.All, Does.Contain("use 'ignore', 'invalidate' or 'new_record'"));
    }
}
