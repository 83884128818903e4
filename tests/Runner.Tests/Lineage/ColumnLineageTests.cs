using NUnit.Framework;
namespace ModelForge.Runner.Tests.Lineage;

/// <summary>
/// Column lineage over SQL both dialects accept, once through DuckDB's parser
/// (json_serialize_sql on a real DuckDB) and once through ScriptDom.
/// </summary>
[TestFixture(Dialect.DuckDb)]
[TestFixture(Dialect.TSql)]
public sealed class ColumnLineageTests(Dialect dialect)
{
    private FakeRelationCatalog _catalog = null!;

    [SetUp]
    public void SetUp()
    {
        _catalog = new FakeRelationCatalog()
            .With("orders", "order_id", "customer_id", "amount", "status", "ordered_at")
            .With("customers", "customer_id", "name", "country")
            .With("refunds", "order_id", "amount");
    }

    private Compiler.Analysis.Lineage.ModelLineage Analyze(string sql) => LineageHarness.Analyze(dialect, sql, _catalog);

    [Test]
    public void Plain_column_and_rename_are_direct()
    {
        var lineage = Analyze("select order_id, amount as order_amount from main.orders");

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "order_id", "order_amount" }));
        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Upstream("order_amount"), Is.EqualTo(new[] { "orders.amount direct" }));
        Assert.That(lineage.Unresolved, Is.Null);
    }

    [Test]
    public void Join_with_aliases_finds_each_side()
    {
        var lineage = Analyze("""
            select o.order_id, c.name as customer_name, country
            from main.orders as o
            inner join main.customers c on o.customer_id = c.customer_id
            """);

        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Upstream("customer_name"), Is.EqualTo(new[] { "customers.name direct" }));
        Assert.That(lineage.Upstream("country"), Is.EqualTo(new[] { "customers.country direct" }));
    }

    [Test]
    public void Cast_function_and_arithmetic_are_transformed()
    {
        var lineage = Analyze("""
            select cast(amount as decimal(10, 2)) as amount_dec,
                   upper(status) as status_upper,
                   amount * 2 + order_id as mixed
            from main.orders
            """);

        Assert.That(lineage.Upstream("amount_dec"), Is.EqualTo(new[] { "orders.amount transformed" }));
        Assert.That(lineage.Upstream("status_upper"), Is.EqualTo(new[] { "orders.status transformed" }));
        Assert.That(lineage.Upstream("mixed"), Is.EqualTo(new[] { "orders.amount transformed", "orders.order_id transformed" }));
    }

    [Test]
    public void Literals_have_no_upstream()
    {
        var lineage = Analyze("select 'EUR' as currency, 1 as one, null as nothing from main.orders");

        Assert.That(lineage.Upstream("currency"), Is.Empty);
        Assert.That(lineage.Upstream("one"), Is.Empty);
        Assert.That(lineage.Column("nothing")!.Unresolved, Is.Null);
    }

    [Test]
    public void Case_reads_conditions_and_results()
    {
        var lineage = Analyze("""
            select case when status = 'paid' then amount else 0 end as paid_amount
            from main.orders
            """);

        Assert.That(lineage.Upstream("paid_amount"), Is.EqualTo(new[] { "orders.amount transformed", "orders.status transformed" }));
    }

    [Test]
    public void Aggregates_group_by_and_count_star()
    {
        var lineage = Analyze("""
            select customer_id, sum(amount) as total, count(*) as order_count, count(distinct status) as statuses
            from main.orders
            group by customer_id
            """);

        Assert.That(lineage.Upstream("customer_id"), Is.EqualTo(new[] { "orders.customer_id direct" }));
        Assert.That(lineage.Upstream("total"), Is.EqualTo(new[] { "orders.amount transformed" }));
        Assert.That(lineage.Upstream("order_count"), Is.Empty);
        Assert.That(lineage.Upstream("statuses"), Is.EqualTo(new[] { "orders.status transformed" }));
    }

    [Test]
    public void Window_function_reads_arguments_partition_and_order()
    {
        var lineage = Analyze("""
            select order_id,
                   row_number() over (partition by customer_id order by ordered_at) as rn,
                   sum(amount) over (partition by customer_id) as customer_total
            from main.orders
            """);

        Assert.That(lineage.Upstream("rn"), Is.EqualTo(new[] { "orders.customer_id transformed", "orders.ordered_at transformed" }));
        Assert.That(lineage.Upstream("customer_total"), Is.EqualTo(new[] { "orders.amount transformed", "orders.customer_id transformed" }));
    }

    [Test]
    public void Nested_ctes_pass_columns_through()
    {
        var lineage = Analyze("""
            with base as (
                select order_id, amount as value from main.orders
            ),
            doubled as (
                select order_id, value * 2 as value2 from base
            )
            select d.order_id, d.value2 as final_value from doubled as d
            """);

        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Upstream("final_value"), Is.EqualTo(new[] { "orders.amount transformed" }));
    }

    [Test]
    public void Subquery_in_from_with_alias()
    {
        var lineage = Analyze("""
            select s.cid, s.total
            from (select customer_id as cid, sum(amount) as total from main.orders group by customer_id) as s
            """);

        Assert.That(lineage.Upstream("cid"), Is.EqualTo(new[] { "orders.customer_id direct" }));
        Assert.That(lineage.Upstream("total"), Is.EqualTo(new[] { "orders.amount transformed" }));
    }

    [Test]
    public void Star_over_a_known_relation_expands_to_its_columns()
    {
        var lineage = Analyze("with c as (select * from main.customers) select * from c");

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "customer_id", "name", "country" }));
        Assert.That(lineage.Upstream("country"), Is.EqualTo(new[] { "customers.country direct" }));
        Assert.That(lineage.Unresolved, Is.Null);
    }

    [Test]
    public void Qualified_star_takes_one_side_of_a_join()
    {
        var lineage = Analyze("""
            select c.*, o.amount
            from main.orders o join main.customers c on o.customer_id = c.customer_id
            """);

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "customer_id", "name", "country", "amount" }));
        Assert.That(lineage.Upstream("customer_id"), Is.EqualTo(new[] { "customers.customer_id direct" }));
    }

    [Test]
    public void Star_over_an_unknown_relation_is_unresolved_but_named_columns_still_resolve()
    {
        _catalog.WithUnknown("raw_events");

        var listed = Analyze("select * from main.raw_events");
        var named = Analyze("with src as (select * from main.raw_events) select cast(event_id as int) as id from src");

        Assert.That(listed.Columns, Is.Empty);
        Assert.That(listed.Unresolved, Does.Contain("main.raw_events").And.Contain("unknown"));
        Assert.That(named.Upstream("id"), Is.EqualTo(new[] { "raw_events.event_id transformed" }));
        Assert.That(named.Unresolved, Is.Null);
    }

    [Test]
    public void A_table_outside_the_project_is_unresolved_with_the_reason()
    {
        var lineage = Analyze("select x.some_col from other_schema.not_a_node as x");

        Assert.That(lineage.Upstream("some_col"), Is.Empty);
        Assert.That(lineage.Column("some_col")!.Unresolved, Does.Contain("not a node of this project"));
    }

    [Test]
    public void Union_combines_every_branch_by_position()
    {
        var lineage = Analyze("""
            select order_id as id, amount from main.orders
            union all
            select order_id, -amount from main.refunds
            """);

        Assert.That(lineage.Names(), Is.EqualTo(new[] { "id", "amount" }));
        Assert.That(lineage.Upstream("id"), Is.EqualTo(new[] { "orders.order_id direct", "refunds.order_id direct" }));
        Assert.That(lineage.Upstream("amount"), Is.EqualTo(new[] { "orders.amount direct", "refunds.amount transformed" }));
    }

    [Test]
    public void Except_takes_values_from_the_left_branch_only()
    {
        var lineage = Analyze("select order_id from main.orders except select order_id from main.refunds");

        Assert.That(lineage.Upstream("order_id"), Is.EqualTo(new[] { "orders.order_id direct" }));
    }

    [Test]
    public void Scalar_subquery_is_transformed_and_correlated_references_resolve_outside()
    {
        var lineage = Analyze("""
            select c.customer_id,
                   (select max(o.amount) from main.orders o where o.customer_id = c.customer_id) as max_amount
            from main.customers c
            """);

        Assert.That(lineage.Upstream("max_amount"), Is.EqualTo(new[] { "orders.amount transformed" }));
    }

    [Test]
    public void Coalesce_over_a_left_join_reads_both_sides()
    {
        var lineage = Analyze("""
            select o.order_id, coalesce(r.amount, o.amount) as effective_amount
            from main.orders o left join main.refunds r on o.order_id = r.order_id
            """);

        Assert.That(lineage.Upstream("effective_amount"), Is.EqualTo(new[] { "orders.amount transformed", "refunds.amount transformed" }));
    }

    [Test]
    public void Cte_column_aliases_rename_by_position()
    {
        var lineage = Analyze("with t (a, b) as (select order_id, amount from main.orders) select a, b from t");

        Assert.That(lineage.Upstream("a"), Is.EqualTo(new[] { "orders.order_id direct" }));
        Assert.That(lineage.Upstream("b"), Is.EqualTo(new[] { "orders.amount direct" }));
    }

    [Test]
    public void Unknown_column_of_a_known_relation_says_so()
    {
        var lineage = Analyze("select o.nope from main.orders o");

        Assert.That(lineage.Column("nope")!.Unresolved, Does.Contain("'nope'"));
    }
}
