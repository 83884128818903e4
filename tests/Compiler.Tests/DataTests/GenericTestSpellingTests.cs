using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

/// <summary>
/// Generic tests written every way dbt reads them: namespaced (the root project stands in for an
/// installed package, since its macros form a package named after it), with arguments at the top,
/// under arguments: or test_name:, defined in tests/generic, on sources, and with Jinja in nested arguments.
/// </summary>
public sealed class GenericTestSpellingTests
{
    private const string ExpressionIsTrue =
        "{% test expression_is_true(model, column_name, expression) %}select * from {{ model }} where not ({{ column_name }} {{ expression }}){% endtest %}";

    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "forge-compiler-tests", Guid.NewGuid().ToString("N")[..12]);
        Write("forge_project.yml", "name: shop\nversion: '1.0'\nprofile: shop\ntest-paths: [tests]\nvars:\n  low: 5\n  statuses: [lost, found]\n");
        Write("models/orders.sql", "select 1 as order_id, 10 as amount, 'placed' as status");
        Write("macros/expression_is_true.sql", ExpressionIsTrue);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void Schema(string columnTests) =>
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: amount\n        data_tests:\n" + columnTests);

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

    private List<ProjectNode> Tests()
    {
        var (project, diagnostics) = Compile();
        Assert.That(project, Is.Not.Null, string.Join("\n", diagnostics));
        return project!.OfType(ResourceType.Test).OrderBy(n => n.UniqueId, StringComparer.Ordinal).ToList();
    }

    private Diagnostic Error()
    {
        var (project, diagnostics) = Compile();
        Assert.That(project, Is.Null);
        return diagnostics.Single(d => d.IsError);
    }

    [Test]
    public void A_namespaced_test_calls_the_packages_macro_and_is_named_and_hashed_as_dbt_does()
    {
        Schema("          - shop.expression_is_true:\n              arguments:\n                expression: \"> 0\"\n");

        var test = Tests().Single();

        Assert.That(test.UniqueId, Is.EqualTo("test.shop.shop_expression_is_true_orders_amount___0.1d3700d1b2"));
        Assert.That(test.Name, Is.EqualTo("shop_expression_is_true_orders_amount___0"));
        Assert.That(test.Test!.Namespace, Is.EqualTo("shop"));
        Assert.That(test.Test.TestName, Is.EqualTo("expression_is_true"));
    }

    [Test]
    public void Two_tests_with_the_same_generated_name_and_different_arguments_coexist()
    {
        Schema("          - shop.expression_is_true:\n              expression: \"> 0\"\n          - shop.expression_is_true:\n              expression: \">= 0\"\n");

        Assert.That(Tests().Select(t => t.UniqueId), Is.EqualTo(new[]
        {
            "test.shop.shop_expression_is_true_orders_amount___0.1221157759",
            "test.shop.shop_expression_is_true_orders_amount___0.1d3700d1b2",
        }));
    }

    [Test]
    public void Test_name_key_name_override_and_config_block_are_read()
    {
        Schema("""
                      - test_name: shop.expression_is_true
                        name: amount_is_positive
                        description: Refunds are separate orders.
                        arguments: {expression: "> 0"}
                        config: {severity: warn, where: "order_id > 0", tags: [money]}
            """ + "\n");

        var test = Tests().Single();

        Assert.That(test.Name, Is.EqualTo("amount_is_positive"));
        Assert.That(test.Description, Is.EqualTo("Refunds are separate orders."));
        Assert.That(test.UniqueId, Does.StartWith("test.shop.amount_is_positive."));
        Assert.That(test.Config.Severity, Is.EqualTo("warn"));
        Assert.That(test.Config.Tags, Does.Contain("money"));
        Assert.That(test.Test!.Arguments.Keys, Is.EqualTo(new[] { "expression" }));
    }

    [Test]
    public void A_long_generated_name_is_the_node_name_and_its_md5_form_is_the_alias_and_file()
    {
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: status\n        tests:\n          - accepted_values:\n              values: [placed, shipped, completed, return_pending, returned]\n");
        var (project, _) = Compile();
        var test = project!.OfType(ResourceType.Test).Single();

        Assert.That(test.UniqueId, Is.EqualTo("test.shop.accepted_values_orders_status__placed__shipped__completed__return_pending__returned.be6b5b5ec3"));
        Assert.That(test.Relation.Identifier, Is.EqualTo("accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758"));
        Assert.That(NodeCompiler.CompiledPath(project, test), Does.EndWith("models/_schema.yml/accepted_values_orders_1ce6ab157c285f7cd2ac656013faf758.sql"));
    }

    [Test]
    public void A_source_test_is_named_with_the_source_prefix()
    {
        Write("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: rides\n        columns:\n          - name: id\n            data_tests: [not_null]\n");

        var test = Tests().Single();

        Assert.That(test.UniqueId, Is.EqualTo("test.shop.source_not_null_raw_rides_id.5460097757"));
        Assert.That(test.Test!.AttachedNodeId, Is.EqualTo("source.shop.raw.rides"));
    }

    [Test]
    public void Files_under_tests_generic_define_tests_and_are_not_singular_tests()
    {
        Write("tests/generic/is_even.sql", "{% test is_even(model, column_name) %}select * from {{ model }} where {{ column_name }} % 2 = 1{% endtest %}");
        Write("tests/fixtures/orders_input.sql", "select 1");
        Write("tests/no_negative.sql", "select * from {{ ref('orders') }} where amount < 0");
        Schema("          - is_even\n");

        Assert.That(Tests().Select(t => t.Name), Is.EquivalentTo(new[] { "is_even_orders_amount", "no_negative" }));
    }

    [Test]
    public void Jinja_in_nested_arguments_is_rendered_and_a_single_expression_keeps_its_type()
    {
        Write("macros/in_list.sql", "{% test in_list(model, column_name, values, extra) %}select * from {{ model }} where {{ column_name }} not in ({% for v in values + extra %}'{{ v }}'{% if not loop.last %}, {% endif %}{% endfor %}){% endtest %}");
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: status\n        data_tests:\n          - in_list:\n              values: [placed, \"low_{{ var('low') }}\"]\n              extra: \"{{ var('statuses') }}\"\n");
        var (project, diagnostics) = Compile();
        Assert.That(project, Is.Not.Null, string.Join("\n", diagnostics));
        var test = project!.OfType(ResourceType.Test).Single();

        var sql = new NodeCompiler(project).Render(test).Text;

        Assert.That(sql, Does.Contain("not in ('placed', 'low_5', 'lost', 'found')"));
        Assert.That(test.Test!.ManifestKwargs["values"], Is.EqualTo(new List<object?> { "placed", "low_{{ var('low') }}" }));
    }

    [Test]
    public void The_manifest_entry_carries_test_metadata_with_the_model_kwarg()
    {
        Schema("          - shop.expression_is_true:\n              expression: \"> 0\"\n");

        var node = NodeDictionary.Of(Tests().Single());

        var metadata = (IReadOnlyDictionary<string, object?>)node["test_metadata"]!;
        Assert.That(metadata["name"], Is.EqualTo("expression_is_true"));
        Assert.That(metadata["namespace"], Is.EqualTo("shop"));
        var kwargs = (IReadOnlyDictionary<string, object?>)metadata["kwargs"]!;
        Assert.That(kwargs["model"], Is.EqualTo("{{ get_where_subquery(ref('orders')) }}"));
        Assert.That(kwargs["column_name"], Is.EqualTo("amount"));
        Assert.That(node["attached_node"], Is.EqualTo("model.shop.orders"));
    }

    [Test]
    public void A_namespace_that_is_not_installed_says_to_run_forge_deps()
    {
        Schema("          - dbt_utilz.expression_is_true:\n              expression: \"> 0\"\n");

        var error = Error();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.TestPackageNotInstalled));
        Assert.That(error.Message, Does.Contain("package 'dbt_utilz' is not installed"));
        Assert.That(error.Hint, Does.Contain("forge deps"));
        Assert.That(error.Span!.Value.ToString(), Is.EqualTo("models/_schema.yml:7:13"));
    }

    [Test]
    public void An_unknown_test_in_a_package_suggests_the_nearest_test_of_that_package()
    {
        Schema("          - shop.expresion_is_true:\n              expression: \"> 0\"\n");

        var error = Error();

        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnknownGenericTest));
        Assert.That(error.Hint, Is.EqualTo("did you mean 'shop.expression_is_true'?"));
    }

    [Test]
    public void An_argument_named_model_is_rejected_as_dbt_does()
    {
        Schema("          - shop.expression_is_true:\n              model: orders\n              expression: \"> 0\"\n");

        Assert.That(Error().Code, Is.EqualTo(DiagnosticCodes.TestArgumentNamedModel));
    }

    [Test]
    public void Jinja_in_config_values_is_rendered_and_a_single_expression_keeps_its_type()
    {
        Schema("""
                      - not_null:
                          config:
                            where: "amount > {{ var('low') }}"
                            limit: "{{ var('low') }}"
                            severity: "{{ 'warn' if var('low') > 1 else 'error' }}"
            """ + "\n");

        var test = Tests().Single();

        Assert.That(test.Config["where"], Is.EqualTo("amount > 5"));
        Assert.That(test.Config["limit"], Is.EqualTo(5L));
        Assert.That(test.Config.Severity, Is.EqualTo("warn"));
    }

    [Test]
    public void A_quoted_column_is_tested_and_named_by_its_quoted_name()
    {
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: amount\n        quote: true\n        data_tests: [not_null]\n");

        var test = Tests().Single();

        Assert.That(test.UniqueId, Is.EqualTo("test.shop.not_null_orders__amount_.1c71fc9374"));
        Assert.That(test.Test!.ColumnName, Is.EqualTo("\"amount\""));
    }

    [Test]
    public void Should_store_failures_reads_the_tests_store_failures_config()
    {
        Write("macros/picky.sql", "{% test picky(model, column_name) %}select {{ '*' if should_store_failures() else column_name }} from {{ model }}{% endtest %}");
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: amount\n        data_tests: [picky]\n      - name: status\n        data_tests:\n          - picky:\n              config: {store_failures: true}\n");
        var (project, diagnostics) = Compile();
        Assert.That(project, Is.Not.Null, string.Join("\n", diagnostics));
        var compiler = new NodeCompiler(project!);

        var sql = project!.OfType(ResourceType.Test).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => compiler.Render(t).Text).ToList();

        Assert.That(sql[0], Does.StartWith("select amount from"));
        Assert.That(sql[1], Does.StartWith("select * from"));
    }

    [Test]
    public void A_project_macro_named_should_store_failures_replaces_the_builtin_one_as_in_dbt()
    {
        Write("macros/picky.sql", "{% test picky(model, column_name) %}select {{ '*' if should_store_failures() else column_name }} from {{ model }}{% endtest %}");
        Write("macros/always.sql", "{% macro should_store_failures() %}{{ return(true) }}{% endmacro %}");
        Write("models/_schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: amount\n        data_tests: [picky]\n");
        var (project, diagnostics) = Compile();
        Assert.That(project, Is.Not.Null, string.Join("\n", diagnostics));

        var sql = new NodeCompiler(project!).Render(project!.OfType(ResourceType.Test).Single()).Text;

        Assert.That(sql, Does.StartWith("select * from"), "one implementation: the global project's macro, which the project can override");
    }

    [Test]
    public void An_error_inside_a_test_macro_shows_the_yaml_declaration_as_the_caller()
    {
        Write("macros/broken.sql", "{% test broken(model, column_name) %}select {{ exceptions.raise_compiler_error('boom') }}{% endtest %}");
        Schema("          - broken\n");

        var error = Error();

        Assert.That(error.Span!.Value.Path, Is.EqualTo("macros/broken.sql"));
        Assert.That(error.Frames.Select(f => f.Span.ToString()), Does.Contain("models/_schema.yml:7:13"));
    }

    [Test]
    public void A_test_gets_its_columns_tags_and_its_own_but_not_its_models()
    {
        Write("models/_schema.yml", """
            version: 2
            models:
              - name: orders
                tags: [nightly]
                columns:
                  - name: amount
                    tags: [money]
                    config: {tags: [finance]}
                    data_tests:
                      - not_null:
                          config: {tags: [critical], where: "amount > {{ var('low') }}"}
            """);

        var test = Tests().Single();

        Assert.That(test.Config.Tags, Is.EquivalentTo(new[] { "critical", "money", "finance" }));
    }

    [Test]
    public void A_source_test_gets_the_source_and_table_tags()
    {
        Write("models/_sources.yml", "version: 2\nsources:\n  - name: raw\n    tags: [landing]\n    tables:\n      - name: rides\n        tags: [rides]\n        data_tests:\n          - dbt.unique:\n              column_name: id\n");

        var test = Tests().Single();

        Assert.That(test.Config.Tags, Is.EquivalentTo(new[] { "landing", "rides" }));
        Assert.That(test.Name, Is.EqualTo("dbt_source_unique_raw_rides_id"));
    }
}
