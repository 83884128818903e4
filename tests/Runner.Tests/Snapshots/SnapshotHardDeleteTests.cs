using ModelForge.Runner.Tests.Incremental;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Snapshots;

/// <summary>dbt 1.9 snapshot options on a real DuckDB: YAML-defined snapshots, hard_deletes: new_record, dbt_valid_to_current, renamed meta columns.</summary>
internal sealed class SnapshotHardDeleteTests : IncrementalTestBase
{
    [SetUp]
    public void SeedMembers()
    {
        Project.With("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: members\n");
        Execute("create table raw.members (id integer, plan varchar, updated_at timestamp)");
        Execute("insert into raw.members values (1, 'basic', '2024-01-01 10:00'), (2, 'basic', '2024-01-01 11:00')");
    }

    private void YamlSnapshot(string config) => Project.With("snapshots/_snapshots.yml",
        "snapshots:\n  - name: members_history\n    relation: source('raw', 'members')\n    config:\n" +
        string.Concat(config.Split('\n').Select(line => $"      {line}\n")));

    private ForgeResult Snap()
    {
        var result = Project.Forge("snapshot");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    [Test]
    public void New_record_adds_a_flagged_version_for_a_deleted_row_and_a_fresh_one_when_it_returns()
    {
        YamlSnapshot("unique_key: id\nstrategy: check\ncheck_cols: [plan]\nhard_deletes: new_record");
        Snap();
        Execute("delete from raw.members where id = 2");
        Snap();
        Snap();
        Execute("insert into raw.members values (2, 'premium', '2024-03-01 10:00')");
        Snap();

        Assert.That(Rows("select id, plan, dbt_is_deleted, dbt_valid_to is null from main.members_history order by id, dbt_valid_from"), Is.EqualTo(new[]
        {
            "1|basic|False|True",
            "2|basic|False|False",
            "2|basic|True|False",
            "2|premium|False|True",
        }), "the deletion is recorded once, closed when the key comes back");
        Assert.That(Rows("select count(distinct dbt_scd_id) from main.members_history"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void Valid_to_current_and_renamed_meta_columns_mark_current_rows_with_the_given_value()
    {
        YamlSnapshot("unique_key: id\nstrategy: timestamp\nupdated_at: updated_at\nhard_deletes: invalidate\n" +
            "dbt_valid_to_current: \"cast('9999-12-31' as timestamp)\"\nsnapshot_meta_column_names:\n  dbt_valid_from: valid_from\n  dbt_valid_to: valid_to");
        Snap();
        Execute("update raw.members set plan = 'premium', updated_at = '2024-02-01 09:00' where id = 1; delete from raw.members where id = 2");
        Snap();
        Snap();

        Assert.That(Rows("select id, plan, valid_from, valid_to from main.members_history order by id, valid_from"), Is.EqualTo(new[]
        {
            "1|basic|2024-01-01 10:00:00|2024-02-01 09:00:00",
            "1|premium|2024-02-01 09:00:00|9999-12-31 00:00:00",
            $"2|basic|2024-01-01 11:00:00|{Rows("select valid_to from main.members_history where id = 2")[0]}",
        }));
        Assert.That(Rows("select count(*) from main.members_history where id = 2 and valid_to < '9999-01-01'"), Is.EqualTo(new[] { "1" }),
            "the deleted row is closed at the run's time, not left at the current marker");
    }

    [Test]
    public void A_YAML_snapshot_with_a_strategy_but_no_relation_is_refused()
    {
        Project.With("snapshots/_snapshots.yml", "snapshots:\n  - name: members_history\n    config:\n      unique_key: id\n      strategy: check\n      check_cols: all\n");

        var result = Project.Forge("snapshot");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("snapshots/_snapshots.yml").And.Contain("error MF6120: snapshot 'members_history' is configured in YAML but has no relation"));
    }
}
