using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Tests.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.ExternalFiles;

/// <summary>dbt-duckdb's external_location on sources: formatters, quoting, and what source() renders.</summary>
public sealed class ExternalLocationTests
{
    private static readonly Dictionary<string, object?> Values = new()
    {
        ["name"] = "orders", ["identifier"] = "orders_v2", ["schema"] = "raw", ["root"] = "lake",
    };

    [TestCase("data/{name}.parquet", "data/orders.parquet")]
    [TestCase("{root}/{schema}/{identifier}.csv", "lake/raw/orders_v2.csv")]
    [TestCase("{name!s}-{name:>3}", "orders-orders")]
    [TestCase("{{literal}}/{name}", "{literal}/orders")]
    [TestCase("read_csv('x.csv', columns={'id': 'INT'})", "read_csv('x.csv', columns={'id': 'INT'})")]
    [TestCase("read_csv('x.csv', columns={{'id': 'INT'}})", "read_csv('x.csv', columns={'id': 'INT'})")]
    public void Newstyle_fills_names_in_braces_and_keeps_struct_literals(string template, string expected)
    {
        Assert.That(ExternalLocation.NewStyle(template, Values, out var missing), Is.EqualTo(expected));
        Assert.That(missing, Is.Null);
    }

    [TestCase("data/%(name)s.parquet", "data/orders.parquet")]
    [TestCase("%(root)s/%(identifier)s_100%%.csv", "lake/orders_v2_100%.csv")]
    public void Oldstyle_fills_percent_names(string template, string expected) =>
        Assert.That(ExternalLocation.OldStyle(template, Values, out _), Is.EqualTo(expected));

    [TestCase("data/$name.parquet", "data/orders.parquet")]
    [TestCase("${root}/${identifier}_x.csv costs $$5", "lake/orders_v2_x.csv costs $5")]
    public void Template_fills_dollar_names(string template, string expected) =>
        Assert.That(ExternalLocation.Dollar(template, Values, out _), Is.EqualTo(expected));

    [Test]
    public void An_unknown_name_is_reported_by_each_formatter()
    {
        Assert.That(ExternalLocation.NewStyle("{nme}.csv", Values, out var a), Is.Null);
        Assert.That(ExternalLocation.OldStyle("%(nme)s.csv", Values, out var b), Is.Null);
        Assert.That(ExternalLocation.Dollar("$nme.csv", Values, out var c), Is.Null);
        Assert.That(new[] { a, b, c }, Is.All.EqualTo("nme"));
    }

    [TestCase("data/x.parquet", "'data/x.parquet'")]
    [TestCase("raw/*.csv", "'raw/*.csv'")]
    [TestCase("'already.csv'", "'already.csv'")]
    [TestCase("read_json('x.json', union_by_name := true)", "read_json('x.json', union_by_name := true)")]
    [TestCase("o'brien.csv", "'o''brien.csv'")]
    public void Paths_are_quoted_and_table_functions_kept(string location, string expected) =>
        Assert.That(ExternalLocation.Quoted(location), Is.EqualTo(expected));

    [Test]
    public void Source_renders_the_location_from_source_meta_or_table_config_and_keeps_its_node()
    {
        // Given a source whose meta names a location per table, and a table overriding it in config
        using var project = new PackageProject();
        project.Write("models/sources.yml", """
            version: 2
            sources:
              - name: raw
                meta:
                  external_location: "data/{name}.parquet"
                tables:
                  - name: orders
                  - name: events
                    config:
                      external_location: "read_json('logs/$identifier-*.json', union_by_name := true)"
                      formatter: template
                  - name: customers
                    identifier: crm_customers
                    meta:
                      external_location: "crm/%(identifier)s.csv"
                      formatter: oldstyle
            """);
        project.Write("models/report.sql", """
            select * from {{ source('raw', 'orders') }}
            join {{ source('raw', 'events') }} using (id)
            join {{ source('raw', 'customers') }} using (id)
            """);

        // When it compiles
        var compiled = project.CompileOk();

        // Then source() renders the files, and the sources are still nodes the model depends on
        Assert.That(PackageProject.Render(compiled, "model.shop.report"), Is.EqualTo("""
            select * from 'data/orders.parquet'
            join read_json('logs/events-*.json', union_by_name := true) using (id)
            join 'crm/crm_customers.csv' using (id)
            """));
        Assert.That(compiled.Nodes["model.shop.report"].DependsOn, Is.EquivalentTo(new[]
        {
            "source.shop.raw.orders", "source.shop.raw.events", "source.shop.raw.customers",
        }));
        Assert.That(compiled.Nodes["source.shop.raw.orders"].Relation.Identifier, Is.EqualTo("orders"));
    }

    [Test]
    public void An_unknown_formatter_or_name_is_an_error_at_the_table()
    {
        using var project = new PackageProject();
        project.Write("models/sources.yml", """
            version: 2
            sources:
              - name: raw
                tables:
                  - name: orders
                    meta: {external_location: "data/{nmae}.parquet"}
                  - name: events
                    meta: {external_location: "data/x.parquet", formatter: fstring}
            """);

        var (compiled, diagnostics) = project.Compile();

        Assert.That(compiled, Is.Null);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        Assert.That(errors.Select(e => e.Code), Is.EquivalentTo(new[]
        {
            DiagnosticCodes.ExternalFiles.UnknownPlaceholderCode, DiagnosticCodes.ExternalFiles.UnknownFormatterCode,
        }));
        Assert.That(errors.Select(e => e.Span!.Value.Line), Is.EquivalentTo(new[] { 5, 7 }));
    }
}
