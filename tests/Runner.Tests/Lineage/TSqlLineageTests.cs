using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Analysis.TSql;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>T-SQL-only syntax, through ScriptDom's TSql160Parser.</summary>
public sealed class TSqlLineageTests
{
    private readonly FakeRelationCatalog _catalog = new FakeRelationCatalog()
        .With("orders", "order_id", "customer_id", "amount", "status")
        .With("customers", "customer_id", "name");

    private ModelLineage Analyze(string sql) => LineageHarness.Analyze(Dialect.TSql, sql, _catalog);

    [Test]
    public void Bracketed_names_top_and_equals_aliases()
    {
        var lineage = Analyze("select top 10 [o].[order_id], total = o.amount * 2, (o.status) as st from [dbo].[orders] as [o]");

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "order_id", "total", "st" }));
        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Upstream("total"), Is.EqualTo(new[] { "orders.amount transformed" }));
        Assert.That(lineage.Upstream("st"), Is.EqualTo(new[] { "orders.status direct" }));
    }

    [Test]
    public void Iif_and_convert_are_transformed()
    {
        var lineage = Analyze("select iif(amount > 0, status, null) as s, convert(varchar(10), order_id) as id_text from dbo.orders");

        Assert.That(lineage.Upstream("s"), Is.EqualTo(new[] { "orders.amount transformed", "orders.status transformed" }));
        Assert.That(lineage.Upstream("id_text"), Is.EqualTo(new[] { "orders.order_id transformed" }));
    }

    [Test]
    public void Cross_apply_of_a_table_function_is_unresolved()
    {
        var lineage = Analyze("select o.order_id, j.[value] from dbo.orders o cross apply openjson(o.status) as j");

        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Column("value")!.Unresolved, Is.Not.Null);
    }

    [Test]
    public void Dynamic_sql_is_not_a_query()
    {
        var parsed = LineageTSqlParser.ParseOne("exec sp_executesql N'select 1'");

        Assert.That(parsed.Query, Is.Null);
        Assert.That(parsed.NotAQuery, Does.Contain("Execute"));
    }

    [Test]
    public void Syntax_error_comes_back_with_its_offset()
    {
        var parsed = LineageTSqlParser.ParseOne("select from where");

        Assert.That(parsed.Query, Is.Null);
        Assert.That(parsed.Error, Is.Not.Empty);
        Assert.That(parsed.ErrorOffset, Is.GreaterThanOrEqualTo(0));
    }
}
