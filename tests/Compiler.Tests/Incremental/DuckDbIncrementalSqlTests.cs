using System.Text;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Compiler.Targets.Snapshots;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Incremental;

/// <summary>Every incremental and snapshot statement DuckDB is sent, as one reviewed golden file.</summary>
public sealed class DuckDbIncrementalSqlTests
{
    private static readonly DateTimeOffset SnapshotTime = new(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2));

    [Test]
    public void Statements_match_the_verified_file()
    {
        var sql = DuckDbSql.Instance;
        var target = sql.QualifiedName(null, "marts", "payments");
        var staging = sql.StagingName(null, "marts", sql.HelperName("payments", "incr"));
        string[] columns = ["payment_id", "status", "amount"];
        var text = new StringBuilder();
        void Add(string title, string statement) => text.Append($"-- {title}\n{statement};\n\n");

        Add("columns", sql.ListColumns(null, "marts", "payments"));
        Add("stage the batch", sql.CreateStagingTable(null, "marts", "payments__forge_incr", "select 1 as payment_id"));
        Add("staged columns", sql.ListStagingColumns(null, "marts", "payments__forge_incr"));
        Add("drop the batch", sql.DropStagingTable(null, "marts", "payments__forge_incr"));
        Add("append", sql.InsertFrom(target, staging, columns));
        Add("delete+insert: delete", sql.DeleteMatching(target, staging, ["day", "station_id"]));
        Add("merge", sql.Merge(target, staging, ["payment_id"], columns, ["status", "amount"]));
        Add("merge, insert only", sql.Merge(target, staging, ["payment_id"], columns, []));
        Add("duplicate keys", sql.DuplicateKeys(staging, ["day", "station_id"], 1));
        Add("add column", sql.AddColumn(target, "refunded_at", "TIMESTAMP"));
        Add("drop column", sql.DropColumn(target, "legacy"));
        Add("retype column", sql.AlterColumnType(target, "amount", "DECIMAL(18,2)"));

        var spec = new SnapshotSpec(["id"], "timestamp", "updated_at", null, InvalidateHardDeletes: true, SnapshotColumnNames.Default);
        var check = spec with { Strategy = "check", UpdatedAt = null, CheckColumns = ["plan", "email"], InvalidateHardDeletes = false };
        var snapshot = sql.QualifiedName(null, "snapshots", "members_snapshot");
        var changes = sql.StagingName(null, "snapshots", "members_snapshot__forge_snapshot_changes");
        var source = sql.StagingName(null, "snapshots", "members_snapshot__forge_snapshot_source");
        Add("snapshot, first run (timestamp)", SnapshotStatements.Initial(sql, spec, "select * from raw.members", SnapshotTime));
        Add("snapshot, first run (check)", SnapshotStatements.Initial(sql, check, "select * from raw.members", SnapshotTime));
        Add("snapshot changes (timestamp, invalidate hard deletes)",
            SnapshotStatements.Changes(sql, spec, source, snapshot, ["id", "plan", "email", "updated_at"], ["id", "plan", "updated_at"], SnapshotTime));
        Add("snapshot changes (check)", SnapshotStatements.Changes(sql, check, source, snapshot, ["id", "plan", "email", "updated_at"], ["id", "plan", "email", "updated_at"], SnapshotTime));
        Add("snapshot changes (check all, a new source column)", SnapshotStatements.Changes(sql, check with { CheckColumns = null }, source, snapshot,
            ["id", "plan", "email"], ["id", "plan"], SnapshotTime));
        Add("snapshot: close rows", sql.CloseSnapshotRows(snapshot, changes, SnapshotColumnNames.Default, SnapshotStatements.ChangeTypeColumn));
        Add("snapshot: insert rows", sql.InsertSnapshotRows(snapshot, changes, ["id", "plan", .. SnapshotColumnNames.Default.All], SnapshotStatements.ChangeTypeColumn));

        Golden.GoldenFile.Verify("tests/Compiler.Tests/Incremental/DuckDbIncrementalSqlTests.verified.sql", text.ToString());
    }
}
