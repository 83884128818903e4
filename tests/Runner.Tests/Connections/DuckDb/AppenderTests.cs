using System.Data.Common;
using DuckDB.NET.Data;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using ModelForge.Runner.Connections.DuckDb;
using ModelForge.Runner.Execution.Seeds;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Connections.DuckDb;

/// The DuckDB seed writer on DuckDB.NET's appender: every value type a seed can hold goes in and
/// comes back out unchanged.
[TestFixture]
internal sealed class AppenderTests
{
    private DuckDBConnection _connection = null!;

    [SetUp]
    public void Open() => _connection = DuckDbConnector.Open(":memory:");

    [TearDown]
    public void Close() => _connection.Dispose();

    [Test]
    public void Rows_of_every_seed_type_round_trip()
    {
        const string types = "id bigint, name varchar, amount decimal(18,2), big decimal(38,4), day date, happened timestamp, "
            + "ok boolean, ratio double, key uuid, small tinyint, t time, i integer, h hugeint, happened_at timestamptz";
        SharedDatabaseTests.Execute(_connection, $"set TimeZone = 'UTC'; create table seed({types})");
        var columns = types.Split(", ").Select(c => c.Split(' ')).ToDictionary(c => c[0], c => c[1]);
        const string first = "1,short,12.34,-123456789012345678901234.5678,1960-01-02,1960-01-02 03:04:05,true,0.25,"
            + "5f1c1e9a-6f0b-4c55-9a43-0d1c5b2c7e11,-1,01:02:03,7,36893488147419103228,2021-07-01 10:00:00+00";
        var csv = string.Join(",", columns.Keys) + "\n" + first + "\n2,,-0.01,,,,,,,,,,,\n";
        Assert.That(Write("seed", csv, columns), Is.EqualTo(2));

        Assert.That(SharedDatabaseTests.Scalar(_connection, $"select concat_ws(',', {string.Join(", ", columns.Keys)}) from seed where id = 1"),
            Is.EqualTo(first));
        Assert.That(SharedDatabaseTests.Scalar(_connection, $"select concat_ws(',', {string.Join(", ", columns.Keys)}) from seed where id = 2"), Is.EqualTo("2,-0.01"));
    }

    [Test]
    public void Many_rows_append_in_bulk_into_a_schema()
    {
        SharedDatabaseTests.Execute(_connection, "create schema raw; create table raw.numbers(i int, label varchar)");
        var csv = "i,label\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},n{i}\n"));
        Assert.That(Write("numbers", csv, new() { ["i"] = "int", ["label"] = "varchar" }, schema: "raw"), Is.EqualTo(50_000));
        Assert.That(SharedDatabaseTests.Scalar(_connection, "select count(*) from raw.numbers"), Is.EqualTo(50_000L));
        Assert.That(SharedDatabaseTests.Scalar(_connection, "select label from raw.numbers where i = 49999"), Is.EqualTo("n49999"));
    }

    [Test]
    public void Appending_to_a_missing_table_reports_DuckDBs_message()
    {
        var error = Assert.Catch<DbException>(() => Write("nowhere", "id\n1\n"))!;
        Assert.That(error.Message, Does.Contain("nowhere"));
    }

    [Test]
    public void A_constraint_violation_is_classified_as_one()
    {
        SharedDatabaseTests.Execute(_connection, "create table uniq(id int primary key); insert into uniq values (1)");
        var error = Assert.Catch<DbException>(() => Write("uniq", "id\n1\n"))!;
        Assert.That(DuckDbErrors.IsConstraintViolation(error), Is.True, error.Message);
    }

    private long Write(string table, string csv, Dictionary<string, string>? columnTypes = null, string schema = "main")
    {
        var bag = new DiagnosticBag();
        var options = SeedOptions.Default with { ColumnTypes = columnTypes ?? [] };
        var seed = SeedFile.Parse(new SourceText($"seeds/{table}.csv", csv), options, SeedTypeMap.DuckDb, bag);
        Assert.That(seed, Is.Not.Null, string.Join("\n", bag.ToList()));
        return DuckDbSeedWriter.Instance.Write(_connection, null, schema, table, seed!);
    }
}
