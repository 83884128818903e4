using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Project;

public sealed class SchemaChecksTests
{
    [Test]
    public void Schema_yaml_is_merged_across_files_and_found_by_name()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/orders.sql", "select 1").Write("models/a.yml", "models:\n  - name: orders\n    description: d\n")
            .Write("models/staging/b.yml", "sources:\n  - name: raw\n    tables: [{name: orders}]\n");
        var project = dir.LoadClean();
        Assert.That(project.Schema.Find(ResourceType.Model, "orders")!.Description, Is.EqualTo("d"));
        Assert.That(project.Schema.Find(ResourceType.Seed, "orders"), Is.Null);
        Assert.That(project.Schema.FindSourceTable("raw", "orders")!.Identifier, Is.EqualTo("orders"));
        Assert.That(project.Sources.Single().Name, Is.EqualTo("raw"));
        Assert.That(project.Schema.Files.Count, Is.EqualTo(2));
    }

    [Test]
    public void All_test_declarations_are_collected()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/orders.sql", "select 1").Write("models/a.yml", """
            models:
              - name: orders
                data_tests: [dbt_utils.at_least_one]
                columns:
                  - name: id
                    data_tests: [unique]
            sources:
              - name: raw
                tables:
                  - name: t
                    columns: [{name: id, data_tests: [not_null]}]
            """);
        var tests = dir.LoadClean().Schema.Tests;
        Assert.That(tests.Select(t => t.Name), Is.EqualTo(new[] { "at_least_one", "unique", "not_null" }));
    }

    [Test]
    public void A_model_described_twice_is_an_error_naming_both_places()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/orders.sql", "select 1")
            .Write("models/a.yml", "models:\n  - name: orders\n")
            .Write("models/b.yml", "version: 2\nmodels:\n  - name: orders\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Not.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("models/b.yml:3:5: error MF1031: model 'orders' is described twice: at models/a.yml:2:5 and at models/b.yml:3:5"));
    }

    [Test]
    public void A_source_table_described_twice_is_an_error()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/a.yml", "sources:\n  - name: raw\n    tables: [{name: t}]\n  - name: raw\n    tables:\n      - name: t\n");
        Assert.That(dir.Load().Diagnostics.Single().ToString(),
            Is.EqualTo("models/a.yml:6:9: error MF1031: source table 'raw.t' is described twice: at models/a.yml:3:14 and at models/a.yml:6:9"));
    }

    [Test]
    public void A_yaml_entry_without_a_model_file_is_a_warning_with_a_suggestion()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/orders.sql", "select 1").Write("models/a.yml", "models:\n  - name: order\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Not.Null);
        var d = diagnostics.Single();
        Assert.That(d.ToString(), Is.EqualTo("models/a.yml:2:5: warning MF1032: model 'order' is described in YAML but has no file"));
        Assert.That(d.Hint, Is.EqualTo("did you mean 'orders'?"));
    }

    [Test]
    public void Yaml_only_snapshots_are_not_warned_about()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("snapshots/s.yml", "snapshots:\n  - name: orders_snapshot\n    relation: ref('orders')\n");
        var project = dir.LoadClean();
        Assert.That(project.Schema.Snapshots.Single().Raw["relation"], Is.EqualTo("ref('orders')"));
    }

    [Test]
    public void Errors_in_several_files_are_all_reported()
    {
        using var dir = new TempProjectDirectory();
        dir.Write("models/a.yml", "models: 3\n").Write("models/b.yml", "models:\n  - name: [x]\n").Write("seeds/c.yml", "seeds: [\n");
        var (project, diagnostics) = dir.Load();
        Assert.That(project, Is.Not.Null);
        Assert.That(diagnostics.Select(d => $"{d.Span}:{d.Code}"), Is.EqualTo(new[]
        {
            "models/a.yml:1:9:MF1003", "models/b.yml:2:11:MF1003", "seeds/c.yml:2:1:MF1002",
        }));
    }
}
