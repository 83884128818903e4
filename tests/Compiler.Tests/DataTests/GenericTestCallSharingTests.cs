using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

/// <summary>
/// Generic tests whose arguments need no rendering share one parsed call per test macro, and the
/// built-in ones skip their parse render; what needs rendering (Jinja in arguments or config, a
/// macro that replaces part of a built-in test) still renders.
/// </summary>
public sealed class GenericTestCallSharingTests
{
    private PackageProject _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new PackageProject();
        _project.Write("models/customers.sql", "select 1 as customer_id, 'active' as status");
        _project.Write("models/orders.sql", "select 1 as order_id, 1 as customer_id");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    private static ProjectNode Test(CompiledProject project, string namePrefix) =>
        project.Nodes.Values.Single(n => n.ResourceType == ResourceType.Test && n.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    [Test]
    public void Plain_tests_of_one_macro_share_one_parsed_call_and_each_renders_its_own_model()
    {
        _project.Write("models/_schema.yml", """
            version: 2
            models:
              - name: customers
                columns:
                  - name: customer_id
                    data_tests: [not_null, unique, shop_utils.is_positive]
              - name: orders
                columns:
                  - name: order_id
                    data_tests: [not_null, unique, shop_utils.is_positive]
            """);

        var project = _project.CompileOk();

        var onCustomers = Test(project, "not_null_customers_customer_id");
        var onOrders = Test(project, "not_null_orders_order_id");
        Assert.That(onOrders.Template, Is.SameAs(onCustomers.Template));
        Assert.That(Test(project, "unique_orders_order_id").Template, Is.SameAs(Test(project, "unique_customers_customer_id").Template)
            .And.Not.SameAs(onOrders.Template));
        Assert.That(Test(project, "shop_utils_is_positive_orders_order_id").Template,
            Is.SameAs(Test(project, "shop_utils_is_positive_customers_customer_id").Template));
        Assert.That(PackageProject.Render(project, onCustomers.UniqueId), Is.EqualTo("select customer_id\nfrom \"shop\".\"main\".\"customers\"\nwhere customer_id is null"));
        Assert.That(PackageProject.Render(project, onOrders.UniqueId), Is.EqualTo("select order_id\nfrom \"shop\".\"main\".\"orders\"\nwhere order_id is null"));
        Assert.That(PackageProject.Render(project, Test(project, "shop_utils_is_positive_orders_order_id").UniqueId),
            Is.EqualTo("select * from \"shop\".\"main\".\"orders\" where order_id <= 0"));
        Assert.That(onOrders.DependsOn, Is.EqualTo(new[] { "model.shop.orders" }));
    }

    [Test]
    public void Source_tests_share_one_parsed_call_and_each_renders_its_own_table()
    {
        _project.Write("models/_sources.yml", """
            version: 2
            sources:
              - name: raw
                tables:
                  - name: rides
                    columns:
                      - name: ride_id
                        data_tests: [not_null]
                  - name: riders
                    columns:
                      - name: rider_id
                        data_tests: [not_null]
            """);

        var project = _project.CompileOk();

        var rides = Test(project, "source_not_null_raw_rides_ride_id");
        var riders = Test(project, "source_not_null_raw_riders_rider_id");
        Assert.That(riders.Template, Is.SameAs(rides.Template));
        Assert.That(PackageProject.Render(project, rides.UniqueId), Does.Contain("from \"shop\".\"raw\".\"rides\""));
        Assert.That(PackageProject.Render(project, riders.UniqueId), Does.Contain("from \"shop\".\"raw\".\"riders\""));
        Assert.That(riders.DependsOn, Is.EqualTo(new[] { "source.shop.raw.riders" }));
    }

    [Test]
    public void Relationships_tests_with_a_literal_to_share_one_parsed_call_and_each_renders_its_parent()
    {
        _project.Write("models/payments.sql", "select 1 as order_id");
        _project.Write("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: accounts\n");
        _project.Write("models/_schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - relationships: {to: ref('customers'), field: customer_id}
              - name: payments
                columns:
                  - name: order_id
                    data_tests:
                      - relationships: {to: "ref('shop', 'orders')", field: order_id}
                      - relationships: {to: "source('raw', 'accounts')", field: id}
            """);

        var project = _project.CompileOk();

        var toCustomers = Test(project, "relationships_orders_customer_id__customer_id__ref_customers_");
        var toOrders = Test(project, "relationships_payments_order_id__order_id__ref_shop_orders_");
        var toAccounts = Test(project, "relationships_payments_order_id__id__source_raw_accounts_");
        Assert.That(toOrders.Template, Is.SameAs(toCustomers.Template));
        Assert.That(toCustomers.DependsOn, Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.customers" }));
        Assert.That(toOrders.DependsOn, Is.EquivalentTo(new[] { "model.shop.payments", "model.shop.orders" }));
        Assert.That(toAccounts.DependsOn, Is.EquivalentTo(new[] { "model.shop.payments", "source.shop.raw.accounts" }));
        Assert.That(PackageProject.Render(project, toCustomers.UniqueId), Does.Contain("from \"shop\".\"main\".\"customers\""));
        Assert.That(PackageProject.Render(project, toOrders.UniqueId), Does.Contain("from \"shop\".\"main\".\"orders\""));
        Assert.That(PackageProject.Render(project, toAccounts.UniqueId), Does.Contain("from \"shop\".\"raw\".\"accounts\""));
    }

    [Test]
    public void A_literal_ref_argument_still_orders_the_test_after_its_parent_when_the_parse_render_stops_at_an_undefined_name()
    {
        // Overriding get_where_subquery makes the call render; it stops before the arguments are evaluated.
        _project.Write("macros/get_where_subquery.sql", "{% macro get_where_subquery(relation) %}{{ return(relation ~ missing.attribute) }}{% endmacro %}");
        _project.Write("models/_schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - relationships: {to: ref('customers'), field: customer_id}
            """);

        var project = _project.CompileOk();

        Assert.That(Test(project, "relationships_orders_customer_id").DependsOn, Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.customers" }));
    }

    [Test]
    public void A_dispatch_override_of_a_built_in_test_is_parse_rendered_so_its_config_and_refs_count()
    {
        _project.Write("macros/default__test_not_null.sql", """
            {% macro default__test_not_null(model, column_name) %}
            {{ config(severity='warn') }}
            select * from {{ model }} where {{ column_name }} is null and {{ column_name }} not in (select customer_id from {{ ref('customers') }})
            {% endmacro %}
            """);
        _project.Write("models/_schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: customer_id
                    data_tests: [not_null, unique]
            """);

        var project = _project.CompileOk();

        var notNull = Test(project, "not_null_orders_customer_id");
        Assert.That(notNull.Config.Severity, Is.EqualTo("warn"));
        Assert.That(notNull.DependsOn, Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.customers" }));
        Assert.That(PackageProject.Render(project, notNull.UniqueId), Does.Contain("from \"shop\".\"main\".\"customers\""));
        Assert.That(Test(project, "unique_orders_customer_id").Config.Severity, Is.EqualTo("error"));
    }

    [Test]
    public void Jinja_in_a_tests_arguments_and_config_still_renders()
    {
        _project.Write("forge_project.yml", "name: shop\nprofile: shop\nvars:\n  statuses: ['active', 'closed']\n  parent: customers\n");
        _project.Write("models/_schema.yml", """
            version: 2
            models:
              - name: customers
                columns:
                  - name: status
                    data_tests:
                      - accepted_values:
                          values: "{{ var('statuses') }}"
                          config:
                            where: "status <> '{{ var('parent') }}'"
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - relationships:
                          to: "{{ ref(var('parent')) }}"
                          field: customer_id
            """);

        var project = _project.CompileOk();

        var accepted = Test(project, "accepted_values_customers_status");
        Assert.That(PackageProject.Render(project, accepted.UniqueId),
            Does.Contain("where status <> 'customers') dbt_subquery").And.Contain("not in ('active', 'closed')"));
        var relationships = Test(project, "relationships_orders_customer_id");
        Assert.That(relationships.DependsOn, Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.customers" }));
        Assert.That(PackageProject.Render(project, relationships.UniqueId), Does.Contain("from \"shop\".\"main\".\"customers\""));
    }

    [Test]
    public void A_built_in_test_given_an_argument_it_does_not_declare_is_rendered_and_fails_at_the_declaration()
    {
        _project.Write("models/_schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - not_null:
                          severity_level: high
            """);

        var (project, diagnostics) = _project.Compile();

        Assert.That(project, Is.Null);
        var error = diagnostics.Single(d => d.IsError);
        Assert.That(error.Message, Does.Contain("severity_level"));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/_schema.yml:7:13"));
    }
}
