using ModelForge.Compiler.Tests.Golden;
using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using ModelForge.Compiler.Targets.SqlServer;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.Materializations;
using ModelForge.Runner.Execution.Seeds;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>A seed load on SQL Server: the DDL and swap around the bulk copy (which part B's writer does).</summary>
public sealed class SeedDdlTests
{
    private const string Csv = "id,name,joined_on,score,active,order\n1,Ann,2024-01-02,1.5,true,x\n2,O'Brien,2024-02-03,2.25,false,y\n";

    /// <summary>Stands in for SqlBulkCopy: records what would be copied.</summary>
    private sealed class RecordingSeedWriter(StatementLog log) : ISeedWriter
    {
        public long Write(DbConnection connection, string? database, string schema, string table, SeedFile seed)
        {
            log.Add($"-- bulk copy of {seed.Rows.Count} rows into [{schema}].[{table}]");
            return seed.Rows.Count;
        }
    }

    private static SeedFile Parse()
    {
        var bag = new DiagnosticBag();
        var seed = SeedFile.Parse(new SourceText("seeds/members.csv", Csv), SeedOptions.Default, SeedTypeMap.SqlServer, bag);
        Assert.That(seed, Is.Not.Null, string.Join("\n", bag.ToList()));
        return seed!;
    }

    [Test]
    public void A_seed_replacing_a_table_sends_these_statements()
    {
        var log = new StatementLog();
        var sql = SqlServerSql.Instance;
        using var connection = new RecordingConnection(log, text => text.StartsWith("select COLUMN_NAME", StringComparison.Ordinal)
            ? Columns("id", "name", "joined_on", "score", "active", "order")
            : Relations(text));
        connection.Open();
        var context = new MaterializationContext(connection, sql, new RelationCache(sql))
        {
            Database = "warehouse",
            Schema = "raw",
            Identifier = "members",
            CompiledSql = "",
        };

        var rows = new SeedLoader(new RecordingSeedWriter(log)).Load(context, Parse(), new SeedLoadOptions());

        Assert.That(rows, Is.EqualTo(2));
        GoldenFile.Verify("tests/Golden/SqlServer/seed-load.verified.sql", log.ToScript());
        foreach (var statement in log.Statements.Where(s => !s.StartsWith("--", StringComparison.Ordinal)))
        {
            Assert.That(Compiler.Analysis.TSql.TSqlParsing.Errors(statement), Is.Empty, statement);
        }
        Assert.That(log.ToScript(), Does.Contain("NVARCHAR(4000)").And.Not.Contain("VARCHAR,").And.Not.Contain("VARCHAR\n"));
    }

    private static System.Data.DataTable Columns(params string[] names)
    {
        var table = new System.Data.DataTable();
        table.Columns.Add("column_name", typeof(string));
        foreach (var name in names) table.Rows.Add(name);
        return table;
    }

    private static System.Data.DataTable? Relations(string text)
    {
        if (!text.StartsWith("SELECT TABLE_NAME", StringComparison.Ordinal)) return null;
        var table = new System.Data.DataTable();
        table.Columns.Add("TABLE_NAME", typeof(string));
        table.Columns.Add("TYPE", typeof(string));
        table.Rows.Add("members", "table");
        return table;
    }
}
