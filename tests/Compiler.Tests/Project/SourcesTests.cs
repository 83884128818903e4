using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class SourcesTests
{
    private static (SchemaFile File, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var file = SchemaFile.Parse(new SourceText("models/sources.yml", yaml), bag);
        return (file, bag.ToList());
    }

    [Test]
    public void Sources_and_tables_inherit_and_override()
    {
        var (file, diagnostics) = Parse("""
            version: 2
            sources:
              - name: jaffle
                description: Raw shop data
                database: raw
                loader: fivetran
                loaded_at_field: _loaded_at
                freshness:
                  warn_after: {count: 12, period: hour}
                  error_after: {count: 1, period: day}
                  filter: "_loaded_at > current_date - 3"
                quoting: {identifier: true}
                meta: {owner: data}
                tags: [raw]
                tables:
                  - name: orders
                    identifier: raw_orders
                    description: Orders
                    columns:
                      - name: id
                        tests: [unique]
                    data_tests:
                      - dbt_utils.recency: {datepart: day, field: created, interval: 1}
                  - name: customers
                    loaded_at_field: updated_at
                    freshness:
                      warn_after: {count: 6, period: hour}
                    quoting: {identifier: false}
                  - name: countries
                    freshness: null
            """);
        Assert.That(diagnostics, Is.Empty);
        var source = file.Sources.Single();
        Assert.That((source.Name, source.Schema, source.Database, source.Loader), Is.EqualTo(("jaffle", "jaffle", "raw", "fivetran")));
        Assert.That(source.Freshness, Is.EqualTo(new FreshnessPolicy(new FreshnessThreshold(12, "hour"), new FreshnessThreshold(1, "day"), "_loaded_at > current_date - 3")));
        Assert.That(source.Span.ToString(), Is.EqualTo("models/sources.yml:3:5"));
        var (orders, customers, countries) = (source.Tables[0], source.Tables[1], source.Tables[2]);
        Assert.That((orders.SourceName, orders.Name, orders.Identifier), Is.EqualTo(("jaffle", "orders", "raw_orders")));
        Assert.That(orders.LoadedAtField, Is.EqualTo("_loaded_at"));
        Assert.That(orders.Freshness, Is.EqualTo(source.Freshness));
        Assert.That(orders.Quoting["identifier"], Is.EqualTo(true));
        Assert.That(orders.Columns.Single().Tests.Single().AttachedTo, Is.EqualTo(new TestAttachment(ResourceType.Source, "orders", "jaffle")));
        Assert.That(orders.Tests.Single().Namespace, Is.EqualTo("dbt_utils"));
        Assert.That(customers.Identifier, Is.EqualTo("customers"));
        Assert.That(customers.LoadedAtField, Is.EqualTo("updated_at"));
        Assert.That(customers.Freshness!.WarnAfter, Is.EqualTo(new FreshnessThreshold(6, "hour")));
        Assert.That(customers.Freshness.ErrorAfter, Is.EqualTo(new FreshnessThreshold(1, "day")), "unset fields come from the source");
        Assert.That(customers.Quoting["identifier"], Is.EqualTo(false));
        Assert.That(countries.Freshness, Is.Null, "freshness: null opts out");
    }

    [Test]
    public void Source_freshness_null_and_disabled_sources()
    {
        var (file, _) = Parse("""
            sources:
              - name: s
                schema: landing
                freshness: null
                config: {enabled: false}
                tables:
                  - name: t
                    config:
                      freshness:
                        error_after: {count: 30, period: minute}
            """);
        var source = file.Sources.Single();
        Assert.That(source.Schema, Is.EqualTo("landing"));
        Assert.That(source.Freshness, Is.Null);
        Assert.That(source.Enabled, Is.False);
        var table = source.Tables.Single();
        Assert.That(table.Enabled, Is.False);
        Assert.That(table.Freshness, Is.EqualTo(new FreshnessPolicy(null, new FreshnessThreshold(30, "minute"), null)));
        Assert.That(table.Freshness!.ErrorAfter!.ToTimeSpan(), Is.EqualTo(TimeSpan.FromMinutes(30)));
    }

    [Test]
    public void A_bad_freshness_period_is_an_error()
    {
        var (_, diagnostics) = Parse("sources:\n  - name: s\n    freshness:\n      warn_after: {count: 1, period: week}\n    tables: [{name: t}]\n");
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("models/sources.yml:4:38: error MF1035: unknown freshness period 'week'"));
        Assert.That(d.Hint, Does.Contain("minute, hour or day"));
    }
}
