using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.Snapshots;
using ModelForge.Compiler.Targets.SqlServer;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

/// <summary>dbt 1.9 snapshot options in T-SQL: hard_deletes new_record and dbt_valid_to_current, every statement parsed by ScriptDom.</summary>
public sealed class SqlServerSnapshotOptionsTests
{
    private static readonly SqlServerSql Sql = SqlServerSql.Instance;
    private static readonly DateTimeOffset Now = new(2024, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Target = Sql.QualifiedName("warehouse", "snapshots", "members");
    private static readonly string Staged = Sql.QualifiedName("warehouse", "snapshots", "members__forge_snapshot_source");

    private static SnapshotSpec Spec(string strategy) =>
        new(["id"], strategy, strategy == "timestamp" ? "updated_at" : null, strategy == "check" ? ["plan"] : null, InvalidateHardDeletes: true,
            SnapshotColumnNames.Default with { ValidTo = "valid_to", IsDeleted = "is_deleted" })
        {
            NewRecordOnDelete = true,
            ValidToCurrent = "cast('9999-12-31' as datetime2(6))",
        };

    [TestCase("timestamp")]
    [TestCase("check")]
    public void New_record_and_valid_to_current_statements_parse_as_TSql(string strategy)
    {
        var spec = Spec(strategy);
        string[] source = ["id", "plan", "updated_at"];
        string[] target = [.. source, "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "valid_to", "is_deleted"];

        var initial = SnapshotStatements.Initial(Sql, spec, "with m as (select 1 as id, N'a' as [plan], sysdatetime() as updated_at) select * from m", Now);
        var changes = SnapshotStatements.Changes(Sql, spec, Staged, Target, source, target, Now);
        var close = Sql.CloseSnapshotRows(Target, Staged, spec.Names, SnapshotStatements.ChangeTypeColumn, spec.ValidToCurrent);
        var insert = Sql.InsertSnapshotRows(Target, Staged, [.. source, .. spec.MetaColumns], SnapshotStatements.ChangeTypeColumn);

        Assert.That(initial, Does.Contain("coalesce(nullif(").And.Contain("'False' as [is_deleted]"));
        Assert.That(changes, Does.Contain("'True' as [is_deleted]").And.Contain("([valid_to] is null or [valid_to] = cast('9999-12-31' as datetime2(6)))"));
        Assert.That(close, Does.Contain("(forge_target.[valid_to] is null or forge_target.[valid_to] = cast('9999-12-31' as datetime2(6)))"));
        foreach (var (label, statement) in new[] { ("initial", initial), ("changes", changes), ("close", close), ("insert", insert),
                     ("stage initial", Sql.CreateTableAs("warehouse", "snapshots", "members", initial)),
                     ("stage changes", Sql.CreateStagingTable("warehouse", "snapshots", "members__forge_snapshot_changes", changes)),
                     ("add flag", Sql.AddColumn(Target, "is_deleted", Sql.SnapshotFlagType)) })
            TSqlAssert.Parses(statement, label);
    }
}
