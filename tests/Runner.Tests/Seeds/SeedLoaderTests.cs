using System.Data.Common;
using System.Diagnostics;
using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution.Seeds;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Seeds;

internal sealed class SeedLoaderTests : SeedLoaderTestBase
{
    private const string Orders = """"
        id,ok,amount,ratio,day,at,name
        1,true,12.50,1e2,2024-03-01,2024-03-01 10:15:30.25,ann
        2,false,,2.5,2024-03-02,2024-03-02T11:00:00,"b, ""c"""
        3,TRUE,-0.01,0,2024-03-03,2024-03-03 00:00,
        """";

    [Test]
    public void A_seed_loads_with_its_inferred_types_as_stored()
    {
        var rows = Load(Orders);
        Assert.That(rows, Is.EqualTo(3));
        Assert.That(ColumnTypes(), Is.EqualTo(new[]
        {
            "id BIGINT", "ok BOOLEAN", "amount DECIMAL(4,2)", "ratio DOUBLE", "day DATE", "at TIMESTAMP", "name VARCHAR",
        }));
        var data = Query("select * from orders order by id");
        Assert.That(data[0], Is.EqualTo(new object?[]
        {
            1L, true, 12.50m, 100d, new DateOnly(2024, 3, 1), new DateTime(2024, 3, 1, 10, 15, 30, 250), "ann",
        }));
        Assert.That(data[1], Is.EqualTo(new object?[] { 2L, false, null, 2.5d, new DateOnly(2024, 3, 2), new DateTime(2024, 3, 2, 11, 0, 0), "b, \"c\"" }));
        Assert.That(data[2][6], Is.Null);
        Assert.That(Tables(), Is.EqualTo(new[] { "orders" }), "no helper table is left behind");
    }

    [Test]
    public void Column_types_are_created_as_written()
    {
        Load("zip,amount,n\n01234,12.5,7\n", columnTypes: new() { ["zip"] = "varchar(5)", ["amount"] = "decimal(10,2)", ["n"] = "integer" });
        Assert.That(ColumnTypes(), Is.EqualTo(new[] { "zip VARCHAR", "amount DECIMAL(10,2)", "n INTEGER" }));
        Assert.That(Query("select * from orders")[0], Is.EqualTo(new object?[] { "01234", 12.50m, 7 }));
    }

    [Test]
    public void Decimals_wider_than_system_decimal_load_exactly()
    {
        Load("n\n1234567890123456789012345678.5\n");
        Assert.That(ColumnTypes(), Is.EqualTo(new[] { "n DECIMAL(29,1)" }));
        Assert.That(Query("select n::varchar from orders")[0][0], Is.EqualTo("1234567890123456789012345678.5"));
    }

    [Test]
    public void Reloading_the_same_data_replaces_the_rows()
    {
        Load(Orders);
        var rows = Load(Orders);
        Assert.That(rows, Is.EqualTo(3));
        Assert.That(Query("select count(*) from orders")[0][0], Is.EqualTo(3L));
        Assert.That(Tables(), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void Reloading_with_new_values_picks_up_their_types()
    {
        Load("id,v\n1,10\n");
        Load("id,v\n1,ten\n");
        Assert.That(ColumnTypes(), Is.EqualTo(new[] { "id BIGINT", "v VARCHAR" }));
        Assert.That(Query("select v from orders")[0][0], Is.EqualTo("ten"));
    }

    [Test]
    public void A_changed_header_is_an_error_that_leaves_the_table_alone()
    {
        Load("id,name,city\n1,ann,oslo\n");
        var error = Assert.Throws<DiagnosticException>(() => Load("id,name,country\n2,bob,no\n"))!;
        var diagnostic = error.Diagnostic;
        Assert.That(diagnostic.ToString(), Is.EqualTo(
            "seeds/orders.csv:1:1: error MF1630: the columns of this seed no longer match table \"main\".\"orders\""));
        Assert.That(diagnostic.Detail, Is.EqualTo("added columns: country; removed columns: city"));
        Assert.That(diagnostic.Hint, Is.EqualTo("run forge seed --full-refresh to drop and recreate the table"));
        Assert.That(Query("select * from orders")[0], Is.EqualTo(new object?[] { 1L, "ann", "oslo" }));
    }

    [Test]
    public void Reordered_columns_are_a_change_too()
    {
        Load("id,name\n1,ann\n");
        var error = Assert.Throws<DiagnosticException>(() => Load("name,id\nbob,2\n"))!;
        Assert.That(error.Diagnostic.Detail, Is.EqualTo("the columns are in a different order"));
    }

    [Test]
    public void Full_refresh_replaces_a_table_whose_header_changed()
    {
        Load("id,name,city\n1,ann,oslo\n");
        var rows = Load("id,name,country\n2,bob,no\n", new SeedLoadOptions(FullRefresh: true));
        Assert.That(rows, Is.EqualTo(1));
        Assert.That(ColumnTypes(), Is.EqualTo(new[] { "id BIGINT", "name VARCHAR", "country VARCHAR" }));
        Assert.That(Query("select * from orders")[0], Is.EqualTo(new object?[] { 2L, "bob", "no" }));
    }

    [Test]
    public void A_value_the_database_rejects_leaves_the_previous_table_intact()
    {
        Load("id,key\n1,00000000-0000-0000-0000-000000000001\n", columnTypes: new() { ["key"] = "uuid" });
        // uuid is not a type forge checks, so the bad value reaches DuckDB and fails in the appender.
        Assert.Throws(Is.InstanceOf<DbException>(),
            () => Load("id,key\n2,00000000-0000-0000-0000-000000000002\n3,not-a-uuid\n", columnTypes: new() { ["key"] = "uuid" }));
        Assert.That(Query("select id, key::varchar from orders"), Is.EqualTo(new[] { new object?[] { 1L, "00000000-0000-0000-0000-000000000001" } }));
        Assert.That(Tables(), Is.EqualTo(new[] { "orders" }), "the helper table is dropped");
    }

    [Test]
    public void A_type_the_database_does_not_know_fails_before_the_swap()
    {
        Load("id\n1\n");
        Assert.Throws(Is.InstanceOf<DbException>(), () => Load("id\n2\n", columnTypes: new() { ["id"] = "no_such_type" }));
        Assert.That(Query("select id from orders")[0][0], Is.EqualTo(1L));
        Assert.That(Tables(), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void A_view_of_the_same_name_is_replaced()
    {
        Query("create view orders as select 1 as x");
        Load("id\n1\n");
        Assert.That(Query("select table_type from information_schema.tables where table_name = 'orders'")[0][0], Is.EqualTo("BASE TABLE"));
    }

    [Test]
    public void A_missing_schema_is_created()
    {
        Load(Parse("id\n1\n"), schema: "raw", identifier: "customers");
        Assert.That(Tables("raw"), Is.EqualTo(new[] { "customers" }));
    }

    [Test]
    public void A_header_only_seed_creates_an_empty_table()
    {
        Assert.That(Load("id,name\n"), Is.Zero);
        Assert.That(ColumnTypes(), Is.EqualTo(new[] { "id VARCHAR", "name VARCHAR" }));
    }

    [Test]
    public void Names_that_need_quotes_are_quoted_and_kept_as_written()
    {
        Load("Order Id,order,Amount\n1,2,3\n");
        Assert.That(Statements, Has.Some.Contains("\"Order Id\" BIGINT").And.Some.Contains("\"order\" BIGINT").And.Some.Contains("Amount BIGINT"));
        Assert.That(ColumnTypes(), Is.EqualTo(new[] { "Order Id BIGINT", "order BIGINT", "Amount BIGINT" }));
    }

    [Test]
    public void Quote_columns_quotes_every_name()
    {
        Load("Amount\n3\n", new SeedLoadOptions(QuoteColumns: true));
        Assert.That(Statements, Has.Some.Contains("\"Amount\" BIGINT"));
    }

    [Test]
    public void The_swap_runs_in_one_transaction_after_the_table_is_filled()
    {
        Load("id\n1\n");
        Load("id\n2\n");
        Assert.That(Statements, Is.EqualTo(new[]
        {
            "drop table if exists \"main\".\"orders__forge_tmp\"",
            "create table \"main\".\"orders__forge_tmp\" (\n  id BIGINT\n)",
            "drop table if exists \"main\".\"orders__forge_backup\"",
            "alter table \"main\".\"orders\" rename to \"orders__forge_backup\"",
            "alter table \"main\".\"orders__forge_tmp\" rename to \"orders\"",
            "drop table if exists \"main\".\"orders__forge_backup\"",
        }));
    }

    [Test]
    public void Fifty_thousand_rows_load_quickly()
    {
        var csv = new StringBuilder("id,name,amount,day,at,flag\n");
        for (var i = 0; i < 50_000; i++)
        {
            csv.Append(i).Append(",name ").Append(i).Append(',').Append(i % 1000).Append('.').Append((i % 100).ToString("00"))
                .Append(",2024-01-").Append((1 + i % 28).ToString("00")).Append(",2024-01-01 10:").Append((i % 60).ToString("00"))
                .Append(":00,").Append(i % 2 == 0 ? "true" : "false").Append('\n');
        }
        var watch = Stopwatch.StartNew();
        var rows = Load(csv.ToString());
        watch.Stop();
        Assert.That(rows, Is.EqualTo(50_000));
        Assert.That(Query("select count(*), sum(amount) from orders")[0][0], Is.EqualTo(50_000L));
        // A loose bound that only catches row-by-row loading (which takes minutes), not a benchmark.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        TestContext.Out.WriteLine($"50,000 rows parsed and loaded in {watch.ElapsedMilliseconds} ms");
    }
}
