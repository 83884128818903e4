using System.Text.Json;
using System.Xml.Linq;
using DuckDB.NET.Data;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.UnitTests;

/// <summary>
/// dbt 1.8 unit tests run by `forge test` and `forge build` on a real DuckDB, in a jaffle-shop
/// shaped project whose raw data is never loaded: the inputs' types come from the upstream's own
/// query (and the seed's CSV), so nothing needs to be built first.
/// </summary>
internal sealed class UnitTestRunTests
{
    private TempProject _project = null!;

    private const string Passing = """
          - name: counts_orders_per_customer
            model: customers
            given:
              - input: ref('stg_customers')
                rows:
                  - {customer_id: 1, first_name: Gerda}
                  - {customer_id: 2, first_name: Kai}
              - input: ref('stg_orders')
                rows:
                  - {order_id: 10, customer_id: 1, ordered_at: '2024-01-05', order_total: 12.5}
                  - {order_id: 11, customer_id: 1, ordered_at: '2024-01-02', order_total: 7.5}
            expect:
              rows:
                - {customer_id: 1, first_name: Gerda, number_of_orders: 2, first_ordered_at: '2024-01-02', lifetime_spend: 20}
                - {customer_id: 2, first_name: Kai, number_of_orders: 0, first_ordered_at: null, lifetime_spend: 0}
        """;

    private const string Failing = """
          - name: spend_is_wrong
            model: customers
            given:
              - input: ref('stg_customers')
                rows: [{customer_id: 1, first_name: Gerda}]
              - input: ref('stg_orders')
                rows: [{order_id: 10, customer_id: 1, order_total: 12.5}]
            expect:
              rows: [{customer_id: 1, lifetime_spend: 99}]
        """;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/sources.yml", "sources:\n  - name: ecom\n    schema: raw\n    tables:\n      - name: raw_customers\n        columns:\n" +
            "          - {name: id, data_type: integer}\n          - {name: name, data_type: varchar}\n")
        .With("seeds/raw_orders.csv", "id,customer,ordered_at,subtotal_cents\n1,1,2024-01-01,1250\n")
        .With("models/stg_customers.sql", "select id as customer_id, name as first_name from {{ source('ecom', 'raw_customers') }}")
        .With("models/stg_orders.sql", "select id as order_id, customer as customer_id, ordered_at, subtotal_cents / 100.0 as order_total from {{ ref('raw_orders') }}")
        .With("models/customers.sql", """
            {{ config(materialized='table') }}
            with orders as (
                select customer_id, count(*) as number_of_orders, min(ordered_at) as first_ordered_at, sum(order_total) as lifetime_spend
                from {{ ref('stg_orders') }} group by customer_id
            )
            select c.customer_id, c.first_name, coalesce(o.number_of_orders, 0) as number_of_orders, o.first_ordered_at,
                coalesce(o.lifetime_spend, 0) as lifetime_spend
            from {{ ref('stg_customers') }} c left join orders o on o.customer_id = c.customer_id
            """)
        .With("models/customer_report.sql", "select * from {{ ref('customers') }}")
        .With("models/unit_tests.yml", "unit_tests:\n" + Passing);

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_passing_unit_test_needs_nothing_built()
    {
        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("PASS unit_test customers::counts_orders_per_customer"));
        Assert.That(result.Output, Does.Contain("1 unit tests"));
        // Nothing was created: a unit test only reads its CTEs.
        Assert.That(Relations(), Is.Empty);
    }

    [Test]
    public void A_failing_unit_test_prints_expected_and_actual_side_by_side()
    {
        _project.With("models/unit_tests.yml", "unit_tests:\n" + Passing + "\n" + Failing);

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("FAIL unit_test customers::spend_is_wrong"));
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.That(lines, Does.Contain("    expected                     || actual"));
        Assert.That(lines, Does.Contain("    customer_id | lifetime_spend || customer_id | lifetime_spend"));
        Assert.That(lines, Does.Contain("    1           | [99]           || 1           | [12.5]"));

        var results = JsonDocument.Parse(_project.Read("target/run_results.json")).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!);
        var failed = results["unit_test.shop.customers.spend_is_wrong"];
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("fail"));
        Assert.That(failed.GetProperty("message").GetString(), Does.Contain("expected").And.Contain("[99"));
        Assert.That(results["unit_test.shop.customers.counts_orders_per_customer"].GetProperty("status").GetString(), Is.EqualTo("pass"));

        var junit = XDocument.Parse(_project.Read("target/junit.xml"));
        var failure = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "spend_is_wrong").Element("failure");
        Assert.That(failure?.Value, Does.Contain("|| actual").And.Contain("[99"));
    }

    [Test]
    public void Build_runs_a_models_unit_tests_first_and_skips_it_and_its_children_when_one_fails()
    {
        _project.With("models/unit_tests.yml", "unit_tests:\n" + Passing + "\n" + Failing);

        var result = _project.Forge("build", "--select", "customers+");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var order = result.Output.Split('\n').Where(l => l.Contains(" START ") || l.Contains(" SKIP ")).ToList();
        Assert.That(order[0], Does.Contain("unit_test customers::counts_orders_per_customer"));
        Assert.That(order[1], Does.Contain("unit_test customers::spend_is_wrong"));
        Assert.That(order[2], Does.Contain("SKIP sql table model main.customers"));
        Assert.That(order[3], Does.Contain("SKIP sql view model main.customer_report"));
        Assert.That(Relations(), Is.Empty);
    }

    [Test]
    public void Build_builds_the_model_after_its_unit_tests_pass()
    {
        Execute("create schema raw", "create table raw.raw_customers (id integer, name varchar)", "insert into raw.raw_customers values (1, 'Gerda')");

        var result = _project.Forge("build", "--select", "+customers");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = result.Output.Split('\n').Where(l => l.Contains(" START ")).ToList();
        var unit = lines.FindIndex(l => l.Contains("unit_test customers::counts_orders_per_customer"));
        var model = lines.FindIndex(l => l.Contains("model main.customers"));
        Assert.That(unit, Is.GreaterThanOrEqualTo(0).And.LessThan(model));
    }

    [Test]
    public void Selection_by_test_type_model_and_name()
    {
        _project.With("models/schema.yml", "models:\n  - name: customers\n    columns:\n      - name: customer_id\n        data_tests: [not_null]\n");

        Assert.That(_project.Forge("ls", "-s", "test_type:unit", "--output", "name").Output.Trim(), Is.EqualTo("counts_orders_per_customer"));
        Assert.That(_project.Forge("ls", "-s", "test_type:data", "--output", "name").Output.Trim(), Is.EqualTo("not_null_customers_customer_id"));
        Assert.That(_project.Forge("ls", "-s", "counts_orders_per_customer", "--output", "name").Output.Trim(), Is.EqualTo("counts_orders_per_customer"));
        var data = _project.Forge("test", "-s", "test_type:data");
        Assert.That(data.Output, Does.Not.Contain("unit_test"));
        var byModel = _project.Forge("test", "-s", "customers");
        Assert.That(byModel.Output, Does.Contain("unit_test customers::counts_orders_per_customer"));
    }

    [Test]
    public void Types_come_from_the_upstream_so_dates_compare_as_dates_and_columns_not_given_are_typed_nulls()
    {
        // first_ordered_at is a date (from the seed's CSV through stg_orders): '2024-01-02' must equal it, not a string.
        _project.With("models/unit_tests.yml", "unit_tests:\n" + Passing.Replace("first_ordered_at: '2024-01-02'", "first_ordered_at: '2024-01-03'"));

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("[2024-01-03]").And.Contain("[2024-01-02]"));
        var compiled = _project.Read("target/compiled/shop/models/unit_tests.yml/customers/counts_orders_per_customer.sql");
        Assert.That(compiled, Does.Contain("cast('2024-01-05' as DATE) as \"ordered_at\""));
        // The source declares its types; order_total (not given for Kai) is a typed NULL.
        Assert.That(compiled, Does.Contain("cast('Gerda' as VARCHAR) as \"first_name\""));
    }

    [Test]
    public void Types_come_from_the_warehouse_when_the_upstream_exists()
    {
        Execute("create table main.stg_orders (order_id bigint, customer_id bigint, ordered_at timestamp, order_total decimal(9,2))");

        var result = _project.Forge("test");

        // The expected '2024-01-02' is typed as the model now returns it (a timestamp), so the rows still match.
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var compiled = _project.Read("target/compiled/shop/models/unit_tests.yml/customers/counts_orders_per_customer.sql");
        Assert.That(compiled, Does.Contain("cast('2024-01-05' as TIMESTAMP) as \"ordered_at\"").And.Contain("as DECIMAL(9,2)) as \"order_total\""));
    }

    [Test]
    public void Ephemeral_parents_format_sql_and_csv_fixture_files()
    {
        _project.With("models/stg_customers.sql", "{{ config(materialized='ephemeral') }}\nselect id as customer_id, name as first_name from {{ source('ecom', 'raw_customers') }}")
            .With("tests/fixtures/two_orders.csv", "order_id,customer_id,order_total\n10,1,2.5\n11,1,\n")
            .With("models/unit_tests.yml", """
                unit_tests:
                  - name: from_fixtures
                    model: customers
                    given:
                      - input: ref('stg_customers')
                        format: sql
                        rows: select 1 as customer_id, 'Gerda' as first_name
                      - input: ref('stg_orders')
                        format: csv
                        fixture: two_orders
                    expect:
                      format: csv
                      rows: |
                        customer_id,number_of_orders,lifetime_spend
                        1,2,2.5
                """);

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }

    [Test]
    public void This_and_overrides_of_is_incremental_vars_and_env_vars()
    {
        _project.With("models/new_orders.sql", """
                {{ config(materialized='incremental') }}
                select order_id, '{{ var("channel", "web") }}' as channel, '{{ env_var("REGION", "eu") }}' as region from {{ ref('stg_orders') }}
                {% if is_incremental() %} where order_id > (select max(order_id) from {{ this }}) {% endif %}
                """)
            .With("models/unit_tests.yml", """
                unit_tests:
                  - name: only_new_rows
                    model: new_orders
                    overrides:
                      macros: {is_incremental: true}
                      vars: {channel: shop}
                      env_vars: {REGION: us}
                    given:
                      - input: ref('stg_orders')
                        rows: [{order_id: 1}, {order_id: 2}, {order_id: 3}]
                      - input: this
                        rows: [{order_id: 2}]
                    expect:
                      rows: [{order_id: 3, channel: shop, region: us}]
                  - name: full_load_by_default
                    model: new_orders
                    given:
                      - input: ref('stg_orders')
                        rows: [{order_id: 1}]
                    expect:
                      rows: [{order_id: 1, channel: web, region: eu}]
                """);

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("PASS unit_test new_orders::only_new_rows").And.Contain("PASS unit_test new_orders::full_load_by_default"));
    }

    [Test]
    public void A_column_not_in_the_upstream_is_an_error_at_the_rows()
    {
        _project.With("models/unit_tests.yml", "unit_tests:\n" + Passing.Replace("{customer_id: 2, first_name: Kai}", "{customer_id: 2, frist_name: Kai}"));

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/unit_tests.yml:8:30: error MF6080: unit test 'counts_orders_per_customer': column 'frist_name' in the rows of ref('stg_customers') is not a column of it"));
        Assert.That(result.Output, Does.Contain("hint: did you mean 'first_name'? its columns are: customer_id, first_name"));
    }

    [Test]
    public void The_manifest_has_a_unit_tests_map()
    {
        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var manifest = JsonDocument.Parse(_project.Read("target/manifest.json")).RootElement;
        var unit = manifest.GetProperty("unit_tests").GetProperty("unit_test.shop.customers.counts_orders_per_customer");
        Assert.That(unit.GetProperty("model").GetString(), Is.EqualTo("customers"));
        Assert.That(unit.GetProperty("resource_type").GetString(), Is.EqualTo("unit_test"));
        Assert.That(unit.GetProperty("given")[0].GetProperty("input").GetString(), Is.EqualTo("ref('stg_customers')"));
        Assert.That(unit.GetProperty("depends_on").GetProperty("nodes")[0].GetString(), Is.EqualTo("model.shop.customers"));
        Assert.That(manifest.GetProperty("nodes").TryGetProperty("unit_test.shop.customers.counts_orders_per_customer", out _), Is.False);
    }

    [Test]
    public void State_modified_selects_a_unit_test_whose_rows_changed_and_nothing_else()
    {
        Assert.That(_project.Forge("compile").ExitCode, Is.EqualTo(0));
        Directory.CreateDirectory(Path.Combine(_project.Root, "state"));
        File.Copy(Path.Combine(_project.Root, "target/manifest.json"), Path.Combine(_project.Root, "state/manifest.json"));
        var unchanged = _project.Forge("ls", "-s", "state:modified", "--state", "state", "--output", "name");
        Assert.That(unchanged.All, Does.Not.Contain("counts_orders_per_customer"), unchanged.ToString());
        _project.With("models/unit_tests.yml", "unit_tests:\n" + Passing.Replace("order_total: 7.5", "order_total: 8.5"));

        var result = _project.Forge("ls", "-s", "state:modified", "--state", "state", "--output", "name");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output.Trim(), Is.EqualTo("counts_orders_per_customer"));
    }

    private void Execute(params string[] statements)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_project.DatabasePath)!);
        using var connection = new DuckDBConnection($"Data Source={_project.DatabasePath}");
        connection.Open();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    private List<string> Relations()
    {
        if (!File.Exists(_project.DatabasePath)) return [];
        using var connection = new DuckDBConnection($"Data Source={_project.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select table_name from information_schema.tables";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }
}
