using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

/// <summary>A model's typed properties are taken from its one raw conversion: they must read as the nodes say.</summary>
public sealed class SchemaConversionTests
{
    private static NodeProperties Model(string yaml)
    {
        var bag = new DiagnosticBag();
        var file = SchemaFile.Parse(new SourceText("models/schema.yml", yaml), bag);
        Assert.That(bag.ToList(), Is.Empty);
        return file.Models.Single();
    }

    [Test]
    public void Config_meta_docs_constraints_columns_and_tests_hold_the_values_written()
    {
        var model = Model("""
            models:
              - name: orders
                config: {materialized: table, meta: {tier: 1}}
                meta: {owner: sales}
                docs: {show: false}
                constraints: [{type: primary_key, columns: [id]}]
                data_tests:
                  - test_name: row_count
                    name: orders_rows
                    above: 0
                    config: {severity: warn}
                columns:
                  - name: id
                    meta: {pii: false}
                    constraints: [{type: not_null}]
                    data_tests:
                      - unique
                      - accepted_values:
                          values: [1, 2]
                          config: {where: "id > 0"}
            """);

        Assert.That(model.Config, Is.EqualTo(new Dictionary<string, object?> { ["materialized"] = "table", ["meta"] = new Dictionary<string, object?> { ["tier"] = 1L } }));
        Assert.That(model.Meta, Is.EqualTo(new Dictionary<string, object?> { ["owner"] = "sales" }));
        Assert.That(model.Docs, Is.EqualTo(new Dictionary<string, object?> { ["show"] = false }));
        Assert.That(model.Constraints, Is.EqualTo(new object?[] { new Dictionary<string, object?> { ["type"] = "primary_key", ["columns"] = new List<object?> { "id" } } }));
        var rowCount = model.Tests.Single();
        Assert.That((rowCount.Name, rowCount.CustomName), Is.EqualTo(("row_count", "orders_rows")));
        Assert.That(rowCount.Arguments, Is.EqualTo(new Dictionary<string, object?> { ["above"] = 0L }));
        Assert.That(rowCount.Config, Is.EqualTo(new Dictionary<string, object?> { ["severity"] = "warn" }));
        var column = model.Columns.Single();
        Assert.That(column.Raw, Is.EqualTo(((List<object?>)model.Raw["columns"]!)[0]));
        Assert.That(column.Meta, Is.EqualTo(new Dictionary<string, object?> { ["pii"] = false }));
        Assert.That(column.Constraints, Is.EqualTo(new object?[] { new Dictionary<string, object?> { ["type"] = "not_null" } }));
        Assert.That(column.Tests.Select(t => t.Name), Is.EqualTo(new[] { "unique", "accepted_values" }));
        Assert.That(column.Tests[1].Arguments, Is.EqualTo(new Dictionary<string, object?> { ["values"] = new List<object?> { 1L, 2L } }));
        Assert.That(column.Tests[1].Config, Is.EqualTo(new Dictionary<string, object?> { ["where"] = "id > 0" }));
    }

    [Test]
    public void Keys_written_alike_take_the_first_keys_value_as_before()
    {
        // `meta` and `!!str meta` are two keys to YAML but one in the raw dictionary (the last wins
        // there); the typed read has always taken the first, so the shared conversion must not be used.
        var model = Model("""
            models:
              - name: orders
                meta: {owner: sales}
                !!str meta: {owner: finance}
            """);

        Assert.That(model.Meta, Is.EqualTo(new Dictionary<string, object?> { ["owner"] = "sales" }));
        Assert.That(model.Raw["meta"], Is.EqualTo(new Dictionary<string, object?> { ["owner"] = "finance" }));
    }
}
