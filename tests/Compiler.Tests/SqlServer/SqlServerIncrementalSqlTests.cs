using System.Text;
using ModelForge.Compiler.Targets;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Compiler.Tests.Golden;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer;

public sealed class SqlServerIncrementalSqlTests
{
    private static readonly SqlServerSql Sql = SqlServerSql.Instance;
    private static readonly string Target = Sql.QualifiedName("warehouse", "analytics", "orders");
    private static readonly string Staging = Sql.QualifiedName("warehouse", "analytics", "orders__forge_incr");
    private static readonly string[] Columns = ["id", "customer_id", "amount", "odd]name"];

    private static IEnumerable<(string Label, string Statement)> Statements()
    {
        yield return ("list columns", Sql.ListColumns("warehouse", "analytics", "orders"));
        yield return ("insert", Sql.InsertFrom(Target, Staging, Columns));
        yield return ("delete matching", Sql.DeleteMatching(Target, Staging, ["id", "customer_id"]));
        yield return ("merge", Sql.Merge(Target, Staging, ["id"], Columns, ["customer_id", "amount"]));
        yield return ("merge insert only", Sql.Merge(Target, Staging, ["id"], Columns, []));
        yield return ("duplicate keys", Sql.DuplicateKeys(Staging, ["id", "customer_id"], 1));
        yield return ("add column", Sql.AddColumn(Target, "note", "nvarchar(4000)"));
        yield return ("drop column", Sql.DropColumn(Target, "note"));
        yield return ("alter column", Sql.AlterColumnType(Target, "amount", "decimal(18,2)"));
        var names = SnapshotColumnNames.Default;
        yield return ("snapshot hash", $"select {Sql.Hash(["id", Sql.TimestampLiteral(new DateTimeOffset(2024, 3, 15, 10, 20, 30, TimeSpan.FromHours(2)))])} as h");
        yield return ("snapshot hash of one", $"select {Sql.Hash(["id"])} as h");
        yield return ("close snapshot rows", Sql.CloseSnapshotRows(Target, Staging, names, "dbt_change_type"));
        yield return ("insert snapshot rows", Sql.InsertSnapshotRows(Target, Staging, Columns, "dbt_change_type"));
    }

    [Test]
    public void Every_incremental_and_snapshot_statement_parses_as_TSql()
    {
        foreach (var (label, statement) in Statements()) TSqlAssert.Parses(statement, label);
    }

    [Test]
    public void Incremental_and_snapshot_statements_match_the_golden_file()
    {
        var text = new StringBuilder();
        foreach (var (label, statement) in Statements()) text.Append("-- ").Append(label).Append('\n').Append(statement.TrimEnd(';')).Append(";\n\n");
        GoldenFile.Verify("tests/Golden/SqlServer/incremental-sql.verified.sql", text.ToString());
    }

    [Test]
    public void MERGE_is_terminated_by_a_semicolon()
    {
        Assert.That(Sql.Merge(Target, Staging, ["id"], Columns, ["amount"]), Does.EndWith(";"));
    }

    [Test]
    public void Duplicate_keys_use_TOP_not_LIMIT()
    {
        var statement = Sql.DuplicateKeys(Staging, ["id"], 1);
        Assert.That(statement, Does.StartWith("SELECT TOP (1) [id], COUNT(*)"));
        Assert.That(statement.ToLowerInvariant(), Does.Not.Contain("limit"));
    }

    [Test]
    public void Timestamp_literals_are_ISO_8601_in_UTC()
    {
        Assert.That(Sql.TimestampLiteral(new DateTimeOffset(2024, 3, 15, 10, 20, 30, TimeSpan.FromHours(2))),
            Is.EqualTo("cast('2024-03-15T08:20:30.000000' as datetime2(6))"));
    }
}
