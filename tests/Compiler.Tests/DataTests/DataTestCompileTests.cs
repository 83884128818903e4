using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

public sealed class DataTestCompileTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "forge-compiler-tests", Guid.NewGuid().ToString("N")[..12]);
        Write("forge_project.yml", "name: shop\nversion: '1.0'\nprofile: shop\ntest-paths: [tests]\n");
        Write("models/customers.sql", "select 1 as customer_id");
        Write("models/staging/orders.sql", "select 1 as order_id, 1 as customer_id");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private (CompiledProject? Project, IReadOnlyList<Diagnostic> Diagnostics) Compile()
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(new ProjectLoadOptions
        {
            ProjectDirectory = _root, HomeDirectory = Path.Combine(_root, ".home"), Environment = _ => null,
        }, diagnostics);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Command = "test", Environment = _ => null }, diagnostics);
        return (compiled, diagnostics.ToList());
    }

    private CompiledProject CompileOk()
    {
        var (project, diagnostics) = Compile();
        Assert.That(project, Is.Not.Null, string.Join("\n", diagnostics));
        return project!;
    }

    [Test]
    public void A_relationships_test_depends_on_the_tested_model_and_on_what_to_refs()
    {
        Write("models/staging/_schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - relationships:
                          to: ref('customers')
                          field: customer_id
            """);

        var test = CompileOk().Nodes["test.shop.relationships_orders_customer_id__customer_id__ref_customers_.c6ec7f58f2"];

        Assert.That(test.DependsOn, Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.customers" }));
        Assert.That(test.Test!.AttachedNodeId, Is.EqualTo("model.shop.orders"));
        Assert.That(test.Test.ColumnName, Is.EqualTo("customer_id"));
        Assert.That(test.Fqn, Is.EqualTo(new[] { "shop", "staging", "relationships_orders_customer_id__customer_id__ref_customers_" }));
        Assert.That(test.Relation.Schema, Is.EqualTo("main_dbt_test__audit"));
        Assert.That(test.Config.Severity, Is.EqualTo("error"));
    }

    [Test]
    public void An_unknown_ref_in_a_test_argument_points_at_the_yaml_declaration()
    {
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: customers\n    columns:\n      - name: customer_id\n        data_tests:\n          - relationships:\n              to: ref('customerz')\n              field: id\n");

        var (project, diagnostics) = Compile();

        Assert.That(project, Is.Null);
        var error = diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnknownRef));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/_schema.yml:7:13"));
    }

    [Test]
    public void A_custom_name_and_yaml_config_win_and_the_tests_macro_config_is_a_default()
    {
        Write("macros/positive.sql", "{% test positive(model, column_name) %}{{ config(severity='warn', tags=['money']) }}select * from {{ model }} where {{ column_name }} <= 0{% endtest %}");
        Write("models/_schema.yml", """
            version: 2
            models:
              - name: customers
                tags: [core]
                columns:
                  - name: customer_id
                    tags: [ids]
                    data_tests:
                      - positive
                      - positive:
                          name: customer_id_is_positive
                          config:
                            severity: error
            """);

        var nodes = CompileOk().Nodes;

        Assert.That(nodes["test.shop.positive_customers_customer_id.3ba19a67db"].Config.Severity, Is.EqualTo("warn"));
        // dbt gives a test its column's tags, not its model's.
        Assert.That(nodes["test.shop.positive_customers_customer_id.3ba19a67db"].Config.Tags, Is.EquivalentTo(new[] { "ids", "money" }));
        Assert.That(nodes["test.shop.customer_id_is_positive.cbcd2331b2"].Config.Severity, Is.EqualTo("error"));
    }

    [Test]
    public void Tests_of_a_disabled_model_are_dropped()
    {
        Write("models/customers.sql", "{{ config(enabled=false) }}select 1 as customer_id");
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: customers\n    columns:\n      - name: customer_id\n        data_tests: [unique]\n");

        Assert.That(CompileOk().Nodes.Keys, Has.None.StartsWith("test."));
    }

    [Test]
    public void A_singular_test_is_a_node_that_depends_on_its_refs()
    {
        Write("tests/no_orphans.sql", "select * from {{ ref('orders') }} where customer_id not in (select customer_id from {{ ref('customers') }})");

        var test = CompileOk().Nodes["test.shop.no_orphans"];

        Assert.That(test.ResourceType, Is.EqualTo(ResourceType.Test));
        Assert.That(test.Path, Is.EqualTo("tests/no_orphans.sql"));
        Assert.That(test.DependsOn, Is.EquivalentTo(new[] { "model.shop.orders", "model.shop.customers" }));
    }

    [Test]
    public void The_compiled_sql_of_the_built_in_tests_matches_the_golden_file()
    {
        Write("models/_schema.yml", """
            version: 2
            models:
              - name: orders
                columns:
                  - name: order_id
                    data_tests:
                      - unique
                      - not_null:
                          config:
                            where: "order_id > 0"
                  - name: customer_id
                    data_tests:
                      - accepted_values:
                          values: [1, "it's"]
                      - relationships:
                          to: ref('customers')
                          field: customer_id
            """);
        var project = CompileOk();
        var compiler = new NodeCompiler(project);

        var text = string.Join("\n\n", project.OfType(ResourceType.Test).OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => $"-- {n.Name}\n{compiler.Render(n).Text}"));

        Golden.GoldenFile.Verify("tests/Compiler.Tests/DataTests/BuiltinTests.verified.sql", text + "\n");
    }
}
