using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Docs;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// A page's columns: the warehouse's in its order, then the declared ones it lacks, then those only the lineage names.
/// Generate builds the pages before the lineage is known and merges it in afterwards (SiteBuilder.Complete).
/// </summary>
public sealed class SiteColumnsTests
{
    [Test]
    public void Lineage_merged_after_the_pages_lands_on_columns_of_its_name_and_appends_the_rest_in_its_order()
    {
        using var project = new TempProject("shop").WithProjectFile()
            .With("models/orders.sql", "select 1 as order_id, 2 as amount, 3 as status, 4 as placed_at")
            .With("models/schema.yml", """
                models:
                  - name: orders
                    columns:
                      - name: note
                        description: Declared, neither in the warehouse nor the SQL.
                      - name: AMOUNT
                        description: Declared in another case than the SQL's.
                      - name: loaded_at
                """);
        var environment = new CliEnvironment { Output = new StringWriter(), Error = new StringWriter(), WorkingDirectory = project.Root, HomeDirectory = project.Root };
        using var session = ProjectSession.Open(new InvocationOptions { Command = "docs", ProjectDirectory = project.Root }, environment)!;
        Assert.That(session, Is.Not.Null, environment.Error.ToString());
        const string id = "model.shop.orders";
        var catalog = new Catalog(new Dictionary<string, CatalogTable>
        {
            [id] = new(id, null, "main", "orders", "BASE TABLE", [new("loaded_at", "TIMESTAMP", 2), new("status", "VARCHAR", 1)]),
        }, new Dictionary<string, CatalogTable>());
        var lineage = new Dictionary<string, Dictionary<string, ColumnLineage>>
        {
            [id] = new(StringComparer.OrdinalIgnoreCase)
            {
                ["order_id"] = new([], null), ["amount"] = new([], null), ["status"] = new([], null), ["placed_at"] = new([], "unknown"),
            },
        };
        var input = new DocsInput { Project = session.Compiled!, Catalog = catalog, Lineage = lineage };

        var builder = new SiteBuilder(input, new DocsBlocks(), new DiagnosticBag());
        builder.BuildEntries();
        var merged = builder.Complete(lineage).Entries.Single(e => e.Id == id).Columns;
        var atOnce = new SiteBuilder(input, new DocsBlocks(), new DiagnosticBag()).Build().Entries.Single(e => e.Id == id).Columns;

        Assert.That(merged.Select(c => c.Name), Is.EqualTo(new[] { "status", "loaded_at", "note", "AMOUNT", "order_id", "placed_at" }));
        Assert.That(merged.Select(c => c.Lineage is null ? "-" : c.Lineage.Unresolved ?? "known"),
            Is.EqualTo(new[] { "known", "-", "-", "known", "known", "unknown" }));
        Assert.That(merged.Select(c => (c.Name, c.Index, c.Type)), Is.EqualTo(atOnce.Select(c => (c.Name, c.Index, c.Type))));
    }
}
