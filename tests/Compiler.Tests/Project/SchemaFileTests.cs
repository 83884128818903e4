using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class SchemaFileTests
{
    private static (SchemaFile File, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var file = SchemaFile.Parse(new SourceText("models/schema.yml", yaml), bag);
        return (file, bag.ToList());
    }

    [Test]
    public void Model_entries_keep_every_property_and_their_position()
    {
        var (file, diagnostics) = Parse("""
            version: 2
            models:
              - name: orders
                description: One row per order
                config:
                  materialized: table
                  tags: [daily]
                meta: {owner: finance}
                tags: nightly
                access: public
                group: finance
                docs: {show: false}
                constraints:
                  - type: primary_key
                    columns: [order_id]
                columns:
                  - name: order_id
                    description: The key
                    data_type: integer
                    quote: true
                    meta: {pii: false}
                    tags: [key]
                    constraints: [{type: not_null}]
                    data_tests: [unique, not_null]
                  - name: status
            exposures:
              - name: dashboard
            unit_tests: []
            """);
        Assert.That(diagnostics, Is.Empty);
        var orders = file.Models.Single();
        Assert.That(orders.Name, Is.EqualTo("orders"));
        Assert.That(orders.ResourceType, Is.EqualTo(ResourceType.Model));
        Assert.That(orders.Description, Is.EqualTo("One row per order"));
        Assert.That(orders.Config["materialized"], Is.EqualTo("table"));
        Assert.That(orders.Meta["owner"], Is.EqualTo("finance"));
        Assert.That(orders.Tags, Is.EqualTo(new[] { "nightly" }));
        Assert.That((orders.Access, orders.Group), Is.EqualTo(("public", "finance")));
        Assert.That(orders.Docs["show"], Is.EqualTo(false));
        Assert.That(orders.Constraints, Has.Count.EqualTo(1));
        Assert.That(orders.Span.ToString(), Is.EqualTo("models/schema.yml:3:5"));
        var id = orders.Columns[0];
        Assert.That((id.Name, id.Description, id.DataType, id.Quote), Is.EqualTo(("order_id", "The key", "integer", (bool?)true)));
        Assert.That(id.Meta["pii"], Is.EqualTo(false));
        Assert.That(id.Tags, Is.EqualTo(new[] { "key" }));
        Assert.That(id.Constraints, Has.Count.EqualTo(1));
        Assert.That(id.Span.ToString(), Is.EqualTo("models/schema.yml:17:9"));
        Assert.That(id.Tests.Select(t => (t.Name, t.ColumnName)), Is.EqualTo(new[] { ("unique", "order_id"), ("not_null", "order_id") }));
        Assert.That(id.Tests[0].AttachedTo, Is.EqualTo(new TestAttachment(ResourceType.Model, "orders")));
        Assert.That(id.Tests[1].Span.ToString(), Is.EqualTo("models/schema.yml:24:30"));
        Assert.That(orders.Columns[1].Tests, Is.Empty);
    }

    [Test]
    public void Seeds_snapshots_analyses_and_macros_are_read()
    {
        var (file, diagnostics) = Parse("""
            seeds:
              - name: country_codes
                config: {delimiter: ";"}
            snapshots:
              - name: orders_snapshot
            analyses:
              - name: adhoc
            macros:
              - name: cents_to_dollars
                description: Converts
                arguments:
                  - name: column
                    type: string
            """);
        Assert.That(diagnostics, Is.Empty);
        Assert.That(file.Seeds.Single().Config["delimiter"], Is.EqualTo(";"));
        Assert.That(file.Snapshots.Single().ResourceType, Is.EqualTo(ResourceType.Snapshot));
        Assert.That(file.Analyses.Single().Name, Is.EqualTo("adhoc"));
        var macro = file.Macros.Single();
        Assert.That((macro.Name, macro.Description, macro.Arguments.Count), Is.EqualTo(("cents_to_dollars", "Converts", 1)));
    }

    [Test]
    public void Test_declarations_separate_arguments_from_config()
    {
        var (file, diagnostics) = Parse("""
            models:
              - name: orders
                data_tests:
                  - dbt_utils.expression_is_true:
                      expression: "amount >= 0"
                      severity: warn
                  - relationships:
                      column_name: customer_id
                      to: ref('customers')
                      field: id
                      where: "status != 'void'"
                      name: orders_have_customers
                columns:
                  - name: status
                    tests:
                      - accepted_values:
                          values: [placed, shipped]
                          quote: false
                          config:
                            severity: warn
                            limit: 10
                      - accepted_values:
                          arguments:
                            values: [a, b]
                          config: {error_if: ">10"}
                          tags: [slow]
                      - not_null:
            """);
        Assert.That(diagnostics, Is.Empty);
        var orders = file.Models.Single();
        var expression = orders.Tests[0];
        Assert.That((expression.Namespace, expression.Name), Is.EqualTo(("dbt_utils", "expression_is_true")));
        Assert.That(expression.Arguments, Is.EqualTo(new Dictionary<string, object?> { ["expression"] = "amount >= 0" }));
        Assert.That(expression.Config, Is.EqualTo(new Dictionary<string, object?> { ["severity"] = "warn" }));
        Assert.That(expression.ColumnName, Is.Null);
        var relationships = orders.Tests[1];
        Assert.That(relationships.ColumnName, Is.EqualTo("customer_id"));
        Assert.That(relationships.CustomName, Is.EqualTo("orders_have_customers"));
        Assert.That(relationships.Arguments.Keys, Is.EqualTo(new[] { "to", "field" }));
        Assert.That(relationships.Arguments["to"], Is.EqualTo("ref('customers')"));
        Assert.That(relationships.Config["where"], Is.EqualTo("status != 'void'"));
        var status = orders.Columns.Single().Tests;
        Assert.That(status[0].Arguments["values"], Is.EqualTo(new List<object?> { "placed", "shipped" }));
        Assert.That(status[0].Arguments["quote"], Is.EqualTo(false));
        Assert.That(status[0].Config, Is.EqualTo(new Dictionary<string, object?> { ["severity"] = "warn", ["limit"] = 10L }));
        Assert.That(status[1].Arguments.Keys, Is.EqualTo(new[] { "values" }));
        Assert.That(status[1].Config.Keys, Is.EquivalentTo(new[] { "error_if", "tags" }));
        Assert.That(status[2].Name, Is.EqualTo("not_null"));
        Assert.That(status[2].Arguments, Is.Empty);
    }

    [Test]
    public void A_test_that_is_neither_a_name_nor_a_one_key_mapping_is_an_error()
    {
        var (file, diagnostics) = Parse("""
            models:
              - name: orders
                columns:
                  - name: id
                    data_tests:
                      - unique
                      - accepted_values:
                          values: [a]
                        severity: warn
                      - [not_null]
            """);
        Assert.That(diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "models/schema.yml:7:13: error MF1033: a test must be a name or a mapping with one key, not a mapping with 2 keys",
            "models/schema.yml:10:13: error MF1033: a test must be a name or a mapping with one key, not a list",
        }));
        Assert.That(diagnostics[0].Hint, Does.Contain("accepted_values"));
        Assert.That(file.Models.Single().Columns.Single().Tests.Single().Name, Is.EqualTo("unique"));
    }

    [Test]
    public void Columns_that_are_not_a_list_are_an_error_at_the_value()
    {
        var (file, diagnostics) = Parse("models:\n  - name: orders\n    columns:\n      id: {}\n");
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("models/schema.yml:4:7: error MF1003: 'columns' must be a list, not a mapping"));
        Assert.That(file.Models.Single().Columns, Is.Empty);
    }

    [Test]
    public void An_entry_without_a_name_is_an_error()
    {
        var (file, diagnostics) = Parse("models:\n  - description: lost\n  - name: kept\n");
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("models/schema.yml:2:5: error MF1034: a model entry has no 'name'"));
        Assert.That(file.Models.Single().Name, Is.EqualTo("kept"));
    }

    [Test]
    public void Unknown_top_level_key_is_a_warning()
    {
        var (_, diagnostics) = Parse("version: 2\nmodel:\n  - name: x\n");
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("models/schema.yml:2:1: warning MF1036: unknown top-level key 'model' in schema YAML is ignored"));
        Assert.That(d.Hint, Is.EqualTo("did you mean 'models'?"));
    }

    [Test]
    public void Malformed_schema_yaml_is_reported_with_its_position()
    {
        var (_, diagnostics) = Parse("models:\n  - name: orders\n    description: 'unterminated\n");
        var d = diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("MF1002"));
        Assert.That(d.Span!.Value.ToString(), Is.EqualTo("models/schema.yml:3:18"));
        Assert.That(d.Hint, Is.EqualTo("close the quote opened here"));
    }

    [Test]
    public void Empty_schema_file_is_fine()
    {
        var (file, diagnostics) = Parse("");
        Assert.That(diagnostics, Is.Empty);
        Assert.That(file.Models, Is.Empty);
    }
}
