using System.Data.SqlTypes;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using ModelForge.Runner.Execution.Seeds;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.SqlServer;

internal sealed class SqlServerSeedWriterTests
{
    private static SeedFile Parse(string csv, Dictionary<string, string>? columnTypes = null)
    {
        var bag = new DiagnosticBag();
        var options = SeedOptions.Default with { ColumnTypes = columnTypes ?? [] };
        var seed = SeedFile.Parse(new SourceText("seeds/orders.csv", csv), options, SeedTypeMap.SqlServer, bag);
        Assert.That(seed, Is.Not.Null, string.Join("\n", bag.ToList()));
        return seed!;
    }

    [Test]
    public void Each_inferred_type_travels_as_its_own_clr_type()
    {
        var seed = Parse("flag,qty,price,ratio,day,at,name\ntrue,3,9.99,1.5e3,2024-04-01,2024-04-01 10:30:00,Ann\n");

        using var table = SqlServerSeedWriter.ToDataTable(seed);

        var types = table.Columns.Cast<System.Data.DataColumn>().Select(c => c.DataType).ToList();
        Assert.That(types, Is.EqualTo(new[] { typeof(bool), typeof(long), typeof(decimal), typeof(double), typeof(DateTime), typeof(DateTime), typeof(string) }));
        var row = table.Rows[0].ItemArray;
        Assert.That(row, Is.EqualTo(new object[] { true, 3L, 9.99m, 1500d, new DateTime(2024, 4, 1), new DateTime(2024, 4, 1, 10, 30, 0), "Ann" }));
    }

    [Test]
    public void Empty_fields_become_database_nulls()
    {
        var seed = Parse("id,name\n1,\n,Bob\n");

        using var table = SqlServerSeedWriter.ToDataTable(seed);

        Assert.That(table.Rows[0][1], Is.EqualTo(DBNull.Value));
        Assert.That(table.Rows[1][0], Is.EqualTo(DBNull.Value));
        Assert.That(table.Rows, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_decimal_wider_than_System_Decimal_goes_as_SqlDecimal()
    {
        var wide = "12345678901234567890123456789012345";
        var seed = Parse($"id,big\n1,{wide}\n");

        using var table = SqlServerSeedWriter.ToDataTable(seed);

        Assert.That(table.Columns[1].DataType, Is.EqualTo(typeof(SqlDecimal)));
        Assert.That(table.Rows[0][1].ToString(), Is.EqualTo(wide));
    }

    [Test]
    public void Declared_column_types_decide_the_clr_type()
    {
        var seed = Parse("id,code,amount,geo\n7,0042,10,POINT(1 2)\n",
            new() { ["id"] = "int", ["code"] = "varchar(10)", ["amount"] = "decimal(12,2)", ["geo"] = "geography" });

        using var table = SqlServerSeedWriter.ToDataTable(seed);

        var types = table.Columns.Cast<System.Data.DataColumn>().Select(c => c.DataType).ToList();
        Assert.That(types, Is.EqualTo(new[] { typeof(long), typeof(string), typeof(decimal), typeof(string) }));
        Assert.That(table.Rows[0][1], Is.EqualTo("0042"));
    }

    [Test]
    public void Columns_differing_only_in_case_still_map_by_position()
    {
        var seed = Parse("a,b\nx,y\n");

        using var table = SqlServerSeedWriter.ToDataTable(seed);

        Assert.That(table.Columns.Cast<System.Data.DataColumn>().Select(c => c.ColumnName), Is.EqualTo(new[] { "c0", "c1" }));
    }

    [TestCase(null, "raw", "orders", "[raw].[orders]")]
    [TestCase("analytics", "raw", "orders__forge_tmp", "[analytics].[raw].[orders__forge_tmp]")]
    [TestCase(null, "odd]schema", "t", "[odd]]schema].[t]")]
    public void The_destination_is_a_bracketed_qualified_name(string? database, string schema, string table, string expected)
    {
        Assert.That(SqlServerSeedWriter.Destination(database, schema, table), Is.EqualTo(expected));
    }

    [Test]
    public void The_seed_executor_picks_bulk_copy_for_sql_server()
    {
        Assert.That(SeedExecutor.WriterFor("sqlserver"), Is.SameAs(SqlServerSeedWriter.Instance));
        Assert.That(SeedExecutor.WriterFor("duckdb"), Is.SameAs(DuckDbSeedWriter.Instance));
    }
}
