using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Contracts;

public sealed class ContractRunTests
{
    private const string Orders = "select 1 as order_id, 'ada' as customer, cast(10.5 as decimal(10,2)) as amount";

    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile();

    [TearDown]
    public void TearDown() => _project.Dispose();

    private TempProject Contract(string columns, string materialized = "table", string extra = "") =>
        _project.With("models/schema.yml", $"""
            version: 2
            models:
              - name: orders
                config:
                  materialized: {materialized}
                  contract: {"{enforced: true}"}
            {extra}    columns:
            {columns}
            """);

    private const string GoodColumns = """
              - name: order_id
                data_type: int
              - name: customer
                data_type: text
              - name: amount
                data_type: numeric(10,2)
        """;

    [Test]
    public void A_matching_contract_builds_the_table_with_the_declared_types_and_aliases_accepted()
    {
        _project.With("models/orders.sql", Orders);
        Contract(GoodColumns);

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Query(_project.DatabasePath,
                "select column_name, data_type from information_schema.columns where table_name = 'orders' order by ordinal_position")
            .Select(r => $"{r[0]} {r[1]}"), Is.EqualTo(new[] { "order_id INTEGER", "customer VARCHAR", "amount DECIMAL(10,2)" }));
        Assert.That(_project.Read("target/run/shop/models/orders.sql"), Does.Contain("insert into"));
    }

    [Test]
    public void Every_mismatch_is_listed_in_one_table_and_nothing_is_built()
    {
        _project.With("models/orders.sql", "select 1 as order_id, 'ada' as customer, cast(10.5 as decimal(12,2)) as amount, 'x' as note");
        Contract("""
                      - name: order_id
                        data_type: bigint
                      - name: customer
                        data_type: string
                      - name: amount
                        data_type: decimal(10,2)
                      - name: shipped_at
                        data_type: timestamp
                """);

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/schema.yml:3:5: error MF5501: the query of model 'orders' does not match its contract (4 differences)"));
        Assert.That(result.Output, Does.Contain("| order_id    | INTEGER         | bigint        | data type mismatch    |"));
        Assert.That(result.Output, Does.Contain("| amount      | DECIMAL(12,2)   | decimal(10,2) | data type mismatch    |"));
        Assert.That(result.Output, Does.Contain("| shipped_at  |                 | timestamp     | missing in definition |"));
        Assert.That(result.Output, Does.Contain("| note        | VARCHAR         |               | missing in contract   |"));
        Assert.That(result.Output, Does.Not.Contain("| customer"), "string is varchar");
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "orders"), Is.Null);
    }

    [Test]
    public void A_view_gets_the_column_check_only()
    {
        _project.With("models/orders.sql", Orders);
        Contract(GoodColumns.Replace("data_type: int", "data_type: int\n        constraints: [{type: not_null}]"), "view");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "orders"), Is.EqualTo("view"));

        _project.With("models/orders.sql", "select 1 as order_id, 'ada' as customer");
        result = _project.Forge("run");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("missing in definition"));
    }

    [Test]
    public void An_ephemeral_model_with_a_contract_is_an_error_before_anything_runs()
    {
        _project.With("models/orders.sql", Orders);
        Contract(GoodColumns, "ephemeral");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/schema.yml:3:5: error MF1707: model 'orders' is ephemeral and enforces a contract"));
    }

    [Test]
    public void A_contract_column_without_data_type_points_at_the_column()
    {
        _project.With("models/orders.sql", Orders);
        Contract("""
                      - name: order_id
                      - name: customer
                        data_type: varchar
                """);

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/schema.yml:8:9: error MF1702: column 'order_id' of model 'orders' has no data_type"));
    }

    [Test]
    public void An_unknown_constraint_type_suggests_the_nearest()
    {
        _project.With("models/orders.sql", Orders);
        Contract(GoodColumns.Replace("data_type: int", "data_type: int\n        constraints: [{type: not_nul}]"));

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error MF1704: unknown constraint type 'not_nul' in model 'orders'"));
        Assert.That(result.Error, Does.Contain("did you mean 'not_null'?"));
    }

    [Test]
    public void A_sql_error_in_a_contracted_model_points_at_the_model_line()
    {
        _project.With("models/orders.sql", "select 1 as order_id,\n  'ada' as customer,\n  amount\nfrom no_such_table");
        Contract(GoodColumns);

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/orders.sql:4:6: error MF5001"));
        Assert.That(result.Output, Does.Contain("no_such_table"));
    }

    [Test]
    public void Unenforced_constraint_warnings_can_be_silenced()
    {
        _project.With("models/orders.sql", Orders);
        Contract(GoodColumns.Replace("data_type: text", "data_type: text\n        constraints: [{type: custom, expression: \"collate nocase\", warn_unenforced: false}]"));

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Not.Contain("MF5502"));
    }
}
