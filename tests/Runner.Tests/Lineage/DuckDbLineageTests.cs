using ModelForge.Compiler.Analysis.Lineage;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>DuckDB-only syntax, through json_serialize_sql on a real DuckDB.</summary>
public sealed class DuckDbLineageTests
{
    private readonly FakeRelationCatalog _catalog = new FakeRelationCatalog()
        .With("orders", "order_id", "customer_id", "amount", "status")
        .With("customers", "customer_id", "name");

    private ModelLineage Analyze(string sql) => LineageHarness.Analyze(Dialect.DuckDb, sql, _catalog);

    [Test]
    public void Star_exclude_replace_and_rename_reshape_the_columns()
    {
        var lineage = Analyze("select * exclude (status) replace (amount * 100 as amount) rename (order_id as id) from orders");

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "id", "customer_id", "amount" }));
        Assert.That(lineage.Upstream("id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Upstream("amount"), Is.EqualTo(new[] { "orders.amount transformed" }));
    }

    [Test]
    public void Using_join_lists_the_shared_column_once_fed_by_both_sides()
    {
        var lineage = Analyze("select * from orders join customers using (customer_id)");

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "order_id", "customer_id", "amount", "status", "name" }));
        Assert.That(lineage.Upstream("customer_id"), Is.EqualTo(new[] { "customers.customer_id direct", "orders.customer_id direct" }));
    }

    [Test]
    public void Table_function_is_unresolved_with_its_name()
    {
        var lineage = Analyze("select * from read_csv('payments.csv')");

        Assert.That(lineage.Columns, Is.Empty);
        Assert.That(lineage.Unresolved, Does.Contain("read_csv()"));
    }

    [Test]
    public void Union_by_name_matches_columns_by_name()
    {
        var lineage = Analyze("select amount, order_id from orders union by name select customer_id as order_id from customers");

        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "customers.customer_id direct", "orders.order_id direct" }));
        Assert.That(lineage.Upstream("amount"), Is.EqualTo(new[] { "orders.amount direct" }));
    }

    [Test]
    public void Lambda_parameters_are_not_columns()
    {
        var lineage = Analyze("select list_transform([1, 2], x -> x + amount) as scaled from orders");

        Assert.That(lineage.Upstream("scaled"), Is.EqualTo(new[] { "orders.amount transformed" }));
        Assert.That(lineage.Column("scaled")!.Unresolved, Is.Null);
    }

    [Test]
    public void Columns_expression_is_unresolved_rather_than_guessed()
    {
        var lineage = Analyze("select columns('amount|status') from orders");

        Assert.That(lineage.Columns.Single().Unresolved, Does.Contain("COLUMNS"));
    }

    [Test]
    public void Earlier_select_alias_can_be_reused()
    {
        var lineage = Analyze("select amount * 2 as doubled, doubled + 1 as plus_one from orders");

        Assert.That(lineage.Upstream("plus_one"), Is.EqualTo(new[] { "orders.amount transformed" }));
    }

    [Test]
    public void Recursive_cte_anchor_feeds_the_recursive_branch()
    {
        var lineage = Analyze("""
            with recursive chain(id, depth) as (
                select order_id, 0 from orders
                union all
                select id, depth + 1 from chain where depth < 3
            )
            select id from chain
            """);

        Assert.That(lineage.Upstream("id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Column("id")!.Unresolved, Is.Null);
    }

    [Test]
    public void Values_list_columns_have_no_upstream()
    {
        var lineage = Analyze("select v.code from (values ('a', 1), ('b', 2)) as v(code, n)");

        Assert.That(lineage.Upstream("code"), Is.Empty);
        Assert.That(lineage.Column("code")!.Unresolved, Is.Null);
    }

    [Test]
    public void Unparsable_sql_comes_back_as_an_error_with_its_position()
    {
        var parsed = LineageHarness.Parser(Dialect.DuckDb).Parse(["select from where"]).Single();

        Assert.That(parsed.Query, Is.Null);
        Assert.That(parsed.Error, Does.Contain("syntax error"));
        Assert.That(parsed.ErrorOffset, Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Many_queries_parse_in_batches_in_order()
    {
        var sql = Enumerable.Range(0, 70).Select(i => $"select {i} as c{i}").ToList();

        var parsed = new Analysis.DuckDbQueryParser(2).Parse(sql);

        Assert.That(parsed.Select(p => ((Compiler.Analysis.Lineage.Syntax.SelectQuery)p.Query!).Items[0].Name),
            Is.EqualTo(Enumerable.Range(0, 70).Select(i => $"c{i}")));
    }
}
