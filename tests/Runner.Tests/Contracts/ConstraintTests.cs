using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Contracts;

/// <summary>Each constraint kind on DuckDB: a violating row fails the build naming the constraint, and the old table stays.</summary>
public sealed class ConstraintTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile()
        .With("models/schema.yml", """
            version: 2
            models:
              - name: orders
                config:
                  materialized: table
                  contract: {enforced: true}
                constraints:
                  - type: primary_key
                    columns: [order_id]
                  - type: check
                    name: amount_below_limit
                    expression: "amount < 1000"
                  - type: unique
                    columns: [customer, ordered_on]
                columns:
                  - name: order_id
                    data_type: integer
                  - name: customer
                    data_type: varchar
                    constraints:
                      - type: not_null
                  - name: email
                    data_type: varchar
                    constraints:
                      - type: unique
                  - name: amount
                    data_type: integer
                    constraints:
                      - type: check
                        expression: amount > 0
                  - name: ordered_on
                    data_type: date
            """);

    [TearDown]
    public void TearDown() => _project.Dispose();

    private static string Row(int id, string customer, string email, int amount, string day) =>
        $"select {id} as order_id, {customer} as customer, {email} as email, {amount} as amount, date '{day}' as ordered_on";

    private TempProject Orders(params string[] rows) => _project.With("models/orders.sql", string.Join("\nunion all\n", rows));

    private ForgeResult BuildGoodThenBad(params string[] badRows)
    {
        Orders(Row(1, "'ada'", "'a@x'", 10, "2024-01-01"), Row(2, "'bob'", "'b@x'", 20, "2024-01-01"));
        var first = _project.Forge("run");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Orders(badRows);
        return _project.Forge("run");
    }

    private void AssertOldTableIntact()
    {
        Assert.That(Database.Scalar(_project.DatabasePath, "select cast(sum(amount) as integer) from main.orders"), Is.EqualTo(30));
        Assert.That(Database.Query(_project.DatabasePath, "select table_name from information_schema.tables where table_name like '%forge%'"),
            Is.Empty, "no helper relations left");
    }

    [Test]
    public void The_table_is_created_with_the_declared_constraints()
    {
        Orders(Row(1, "'ada'", "'a@x'", 10, "2024-01-01"));

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var ddl = _project.Read("target/run/shop/models/orders.sql");
        Assert.That(ddl, Does.Contain("\"customer\" varchar not null"));
        Assert.That(ddl, Does.Contain("\"email\" varchar unique"));
        Assert.That(ddl, Does.Contain("\"amount\" integer check (amount > 0)"));
        Assert.That(ddl, Does.Contain("primary key (\"order_id\")"));
        Assert.That(ddl, Does.Contain("constraint \"amount_below_limit\" check (amount < 1000)"));
        Assert.That(ddl, Does.Contain("unique (\"customer\", \"ordered_on\")"));
    }

    [Test]
    public void A_null_in_a_not_null_column_fails_the_build_naming_the_constraint()
    {
        var result = BuildGoodThenBad(Row(1, "cast(null as varchar)", "'a@x'", 10, "2024-01-01"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5503: model 'orders' violates its contract: not_null on customer: Constraint Error: NOT NULL constraint failed: orders.customer"));
        AssertOldTableIntact();
    }

    [Test]
    public void A_duplicate_in_a_unique_column_fails_the_build_naming_the_constraint()
    {
        var result = BuildGoodThenBad(Row(1, "'ada'", "'same@x'", 10, "2024-01-01"), Row(2, "'bob'", "'same@x'", 20, "2024-01-02"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("violates its contract: unique on email:"));
        AssertOldTableIntact();
    }

    [Test]
    public void A_duplicate_primary_key_fails_the_build_naming_the_constraint()
    {
        var result = BuildGoodThenBad(Row(1, "'ada'", "'a@x'", 10, "2024-01-01"), Row(1, "'bob'", "'b@x'", 20, "2024-01-02"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("violates its contract: primary_key on order_id:"));
        AssertOldTableIntact();
    }

    [Test]
    public void A_duplicate_over_a_model_level_unique_fails_the_build()
    {
        var result = BuildGoodThenBad(Row(1, "'ada'", "'a@x'", 10, "2024-01-01"), Row(2, "'ada'", "'b@x'", 20, "2024-01-01"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("violates its contract"));
        Assert.That(result.Output, Does.Contain("unique on customer, ordered_on"));
        AssertOldTableIntact();
    }

    [Test]
    public void A_failing_check_fails_the_build_naming_the_expression()
    {
        var result = BuildGoodThenBad(Row(1, "'ada'", "'a@x'", -5, "2024-01-01"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("violates its contract: check 'amount > 0': Constraint Error: CHECK constraint failed on table orders"));
        AssertOldTableIntact();
    }

    [Test]
    public void A_failing_named_check_names_it()
    {
        var result = BuildGoodThenBad(Row(1, "'ada'", "'a@x'", 5000, "2024-01-01"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("check 'amount < 1000' (named amount_below_limit)"));
        AssertOldTableIntact();
    }

    [Test]
    public void A_foreign_key_is_reported_as_not_enforced_and_left_out_of_the_table()
    {
        _project.With("models/customers.sql", "select 'ada' as name")
            .With("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    config:
                      materialized: table
                      contract: {enforced: true}
                    columns:
                      - name: customer
                        data_type: varchar
                        constraints:
                          - type: foreign_key
                            to: ref('customers')
                            to_columns: [name]
                """)
            .With("models/orders.sql", "select 'nobody' as customer");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("warning MF5502: model 'orders': constraint foreign_key on customer to ref('customers') (name) is not enforced on duckdb"));
        Assert.That(_project.Read("target/run/shop/models/orders.sql"), Does.Not.Contain("references"));
    }

    [Test]
    public void Warn_error_makes_a_nodes_own_warning_an_error_and_silence_drops_it()
    {
        _project.With("models/customers.sql", "select 'ada' as name")
            .With("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    config:
                      materialized: table
                      contract: {enforced: true}
                    columns:
                      - name: customer
                        data_type: varchar
                        constraints:
                          - type: foreign_key
                            to: ref('customers')
                            to_columns: [name]
                """)
            .With("models/orders.sql", "select 'nobody' as customer");

        var promoted = _project.Forge("run", "--warn-error");
        var byCode = _project.Forge("run", "--warn-error-options", "{error: [MF5502]}");
        var silenced = _project.Forge("run", "--warn-error-options", "{silence: [MF5502]}");

        Assert.That(promoted.ExitCode, Is.EqualTo(1), promoted.ToString());
        Assert.That(promoted.Output + promoted.Error, Does.Contain("error MF5502").And.Contain("an error because of --warn-error"));
        Assert.That(byCode.ExitCode, Is.EqualTo(1), byCode.ToString());
        Assert.That(silenced.ExitCode, Is.EqualTo(0), silenced.ToString());
        Assert.That(silenced.Output, Does.Not.Contain("MF5502"));
    }
}
