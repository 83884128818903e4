using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DataTests;

public sealed class GenericTestTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = DataTestProject.Create();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Each_built_in_test_passes_on_good_data_and_fails_with_the_failing_row_count_on_bad_data()
    {
        _project.WithSchema("""
              - name: customers
                columns:
                  - name: customer_id
                    data_tests: [unique, not_null]
              - name: orders
                columns:
                  - name: order_id
                    data_tests:
                      - unique
                      - not_null
                  - name: customer_id
                    data_tests:
                      - not_null
                      - relationships:
                          to: ref('customers')
                          field: customer_id
                  - name: status
                    tests:
                      - accepted_values:
                          values: ['placed', 'shipped']
                  - name: amount
                    data_tests:
                      - accepted_values:
                          arguments:
                            values: [10, 20, 30, 40]
                            quote: false
            """);

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var results = DataTestProject.Results(_project);
        Assert.That(results["test.shop.unique_customers_customer_id"].Status, Is.EqualTo("pass"));
        Assert.That(results["test.shop.not_null_customers_customer_id"].Status, Is.EqualTo("pass"));
        Assert.That(results["test.shop.unique_orders_order_id"].Status, Is.EqualTo("pass"));
        Assert.That(results["test.shop.accepted_values_orders_amount__False__10__20__30__40"].Status, Is.EqualTo("pass"));
        Assert.That(results["test.shop.not_null_orders_customer_id"], Is.EqualTo(("fail", (long?)1, "Got 1 result, configured to fail if != 0")));
        Assert.That(results["test.shop.relationships_orders_customer_id__customer_id__ref_customers_"].Failures, Is.EqualTo(1));
        Assert.That(results["test.shop.relationships_orders_customer_id__customer_id__ref_customers_"].Status, Is.EqualTo("fail"));
        Assert.That(results["test.shop.accepted_values_orders_status__placed__shipped"].Status, Is.EqualTo("fail"));
        Assert.That(result.Output, Does.Contain("FAIL test not_null_orders_customer_id"));
        Assert.That(result.Output, Does.Match(@"FAIL test accepted_values_orders_status__placed__shipped \.+ \[FAIL 1 in "));
        Assert.That(result.Output, Does.Contain("Done. PASS=7 WARN=0 ERROR=3 SKIP=0 TOTAL=10"));
    }

    [Test]
    public void Unique_fails_once_per_duplicated_value()
    {
        _project.With("models/orders.sql", "select * from (values (1), (1), (2), (2), (3)) t(order_id)")
            .WithSchema("  - name: orders\n    columns:\n      - name: order_id\n        data_tests: [unique]\n");

        _project.Forge("build");

        Assert.That(DataTestProject.Result(_project, "unique_orders_order_id"), Is.EqualTo(("fail", (long?)2, "Got 2 results, configured to fail if != 0")));
    }

    [Test]
    public void A_test_on_a_source_reads_the_source_table_and_is_named_with_the_source_prefix()
    {
        _project.With("models/_sources.yml", """
            version: 2
            sources:
              - name: raw
                schema: raw
                tables:
                  - name: payments
                    columns:
                      - name: id
                        data_tests: [unique]
            """);
        Directory.CreateDirectory(Path.GetDirectoryName(_project.DatabasePath)!);
        Database.Execute(_project.DatabasePath, "create schema raw; create table raw.payments as select * from (values (1), (2), (2)) t(id)");

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(DataTestProject.Result(_project, "source_unique_raw_payments_id").Failures, Is.EqualTo(1));
        Assert.That(_project.Read("target/compiled/shop/models/_sources.yml/source_unique_raw_payments_id.sql"), Does.Contain("from \"shop\".\"raw\".\"payments\""));
    }

    [Test]
    public void A_custom_generic_test_takes_its_arguments_from_yaml()
    {
        _project.With("macros/at_least.sql", """
            {% test at_least(model, column_name, minimum) %}
            select * from {{ model }} where {{ column_name }} < {{ minimum }}
            {% endtest %}
            """)
            .WithSchema("""
              - name: orders
                columns:
                  - name: amount
                    data_tests:
                      - at_least:
                          minimum: 25
                      - at_least:
                          name: amount_is_not_negative
                          arguments:
                            minimum: 0
            """);

        _project.Forge("build");

        Assert.That(DataTestProject.Result(_project, "at_least_orders_amount__25").Failures, Is.EqualTo(2));
        Assert.That(DataTestProject.Result(_project, "amount_is_not_negative").Status, Is.EqualTo("pass"));
    }

    [Test]
    public void A_project_macro_overrides_a_built_in_test()
    {
        // Treats zero as missing too: order 1 below has amount 0.
        _project.With("macros/not_null.sql", """
            {% macro default__test_not_null(model, column_name) %}
            select * from {{ model }} where coalesce({{ column_name }}, 0) = 0
            {% endmacro %}
            """)
            .With("models/orders.sql", "select * from (values (1, 0), (2, 5)) t(order_id, amount)")
            .WithSchema("  - name: orders\n    columns:\n      - name: amount\n        data_tests: [not_null]\n");

        _project.Forge("build");

        Assert.That(DataTestProject.Result(_project, "not_null_orders_amount").Failures, Is.EqualTo(1));
    }

    [Test]
    public void An_unknown_test_name_is_reported_at_its_yaml_line_with_the_nearest_name()
    {
        _project.WithSchema("  - name: orders\n    columns:\n      - name: order_id\n        data_tests: [uniqe]\n");

        var result = _project.Forge("test");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("models/_schema.yml:6:22: error MF3100: unknown generic test 'uniqe' on model 'orders'"));
        Assert.That(result.Error, Does.Contain("did you mean 'unique'?"));
    }

    [Test]
    public void Test_selects_the_tests_of_a_selected_model()
    {
        _project.WithSchema("""
              - name: customers
                columns:
                  - name: customer_id
                    data_tests: [unique]
              - name: orders
                columns:
                  - name: order_id
                    data_tests: [unique]
            """);
        _project.Forge("run");

        var result = _project.Forge("test", "--select", "customers");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(DataTestProject.Results(_project).Keys, Is.EquivalentTo(new[] { "test.shop.unique_customers_customer_id" }));
    }
}
