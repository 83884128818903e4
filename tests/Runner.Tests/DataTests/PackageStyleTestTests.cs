using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DataTests;

/// <summary>
/// Generic tests as packages write them, run on DuckDB: definitions in tests/generic, namespaced
/// names (the root project's macros stand in for an installed package: its namespace is the
/// project name), every argument spelling, and Jinja inside list arguments.
/// </summary>
public sealed class PackageStyleTestTests
{
    private const string ExpressionIsTrue = """
        {% test expression_is_true(model, column_name, expression) %}
        select * from {{ model }} where not ({{ _column_or_true(column_name) }} {{ expression }})
        {% endtest %}

        {% macro _column_or_true(column_name) %}{{ column_name if column_name else '' }}{% endmacro %}
        """;

    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = DataTestProject.Create();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_test_defined_in_tests_generic_runs_and_the_file_is_not_a_singular_test()
    {
        _project.With("tests/generic/positive.sql", """
                {% test positive(model, column_name) %}
                select * from {{ model }} where {{ column_name }} <= 0
                {% endtest %}
                """)
            .With("models/signed.sql", "select * from (values (1, 5), (2, -3), (3, 0)) t(id, delta)")
            .With("models/_schema.yml", "version: 2\nmodels:\n  - name: signed\n    columns:\n      - name: delta\n        data_tests: [positive]\n");

        var result = _project.Forge("build", "--select", "signed");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var results = DataTestProject.Results(_project);
        Assert.That(results.Keys.Where(k => k.StartsWith("test.", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "test.shop.positive_signed_delta" }));
        Assert.That(results["test.shop.positive_signed_delta"].Failures, Is.EqualTo(2));
    }

    [Test]
    public void Namespaced_tests_with_every_argument_spelling_run_against_the_model()
    {
        _project.With("macros/expression_is_true.sql", ExpressionIsTrue)
            .WithSchema("""
              - name: orders
                data_tests:
                  - shop.expression_is_true:
                      arguments:
                        expression: "amount < 35"
                  - test_name: shop.expression_is_true
                    name: amounts_are_round
                    arguments: {expression: "amount % 10 = 0"}
                    config: {severity: warn}
                columns:
                  - name: amount
                    data_tests:
                      - shop.expression_is_true:
                          expression: "> 0"
                      - shop.expression_is_true:
                          expression: ">= 0"
                          config:
                            where: "status = 'shipped'"
            """);

        var result = _project.Forge("build");

        var results = RawResults();
        Assert.That(results.Keys.Count(k => k.StartsWith("test.", StringComparison.Ordinal)), Is.EqualTo(4), result.ToString());
        Assert.That(results.Single(r => r.Key.StartsWith("test.shop.shop_expression_is_true_orders_amount_35.", StringComparison.Ordinal)).Value,
            Is.EqualTo(("fail", (long?)1)));
        Assert.That(results.Single(r => r.Key.StartsWith("test.shop.amounts_are_round.", StringComparison.Ordinal)).Value.Status, Is.EqualTo("pass"));
        // Same generated name, different arguments: dbt tells them apart by the hash in the unique id.
        Assert.That(results["test.shop.shop_expression_is_true_orders_amount___0.1d3700d1b2"].Status, Is.EqualTo("pass"));
        Assert.That(results["test.shop.shop_expression_is_true_orders_amount___0.1221157759"].Status, Is.EqualTo("pass"));
    }

    [Test]
    public void Jinja_inside_a_list_argument_is_rendered_before_the_test_runs()
    {
        _project.WithProjectFile("test-paths: [\"tests\"]\nvars:\n  late_status: lost\n")
            .WithSchema("""
              - name: orders
                columns:
                  - name: status
                    data_tests:
                      - accepted_values:
                          values: [placed, shipped, "{{ var('late_status') }}"]
            """);

        var result = _project.Forge("build", "--select", "orders");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(DataTestProject.Result(_project, "accepted_values_orders_status__placed__shipped___var_late_status_").Status, Is.EqualTo("pass"));
    }

    [Test]
    public void The_manifest_lists_test_metadata_for_generic_tests()
    {
        _project.With("macros/expression_is_true.sql", ExpressionIsTrue)
            .WithSchema("  - name: orders\n    columns:\n      - name: amount\n        data_tests:\n          - shop.expression_is_true:\n              expression: \"> 0\"\n");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var manifest = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var node = manifest.RootElement.GetProperty("nodes").GetProperty("test.shop.shop_expression_is_true_orders_amount___0.1d3700d1b2");
        var metadata = node.GetProperty("test_metadata");
        Assert.That(metadata.GetProperty("name").GetString(), Is.EqualTo("expression_is_true"));
        Assert.That(metadata.GetProperty("namespace").GetString(), Is.EqualTo("shop"));
        Assert.That(metadata.GetProperty("kwargs").GetProperty("expression").GetString(), Is.EqualTo("> 0"));
        Assert.That(metadata.GetProperty("kwargs").GetProperty("model").GetString(), Is.EqualTo("{{ get_where_subquery(ref('orders')) }}"));
        Assert.That(node.GetProperty("package_name").GetString(), Is.EqualTo("shop"));
    }

    /// <summary>unique id (with its hash) → status and failures, from target/run_results.json.</summary>
    private Dictionary<string, (string Status, long? Failures)> RawResults()
    {
        using var json = JsonDocument.Parse(_project.Read("target/run_results.json"));
        return json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("unique_id").GetString()!,
            r => (r.GetProperty("status").GetString()!,
                r.GetProperty("failures").ValueKind == JsonValueKind.Number ? r.GetProperty("failures").GetInt64() : (long?)null));
    }
}
