using System.Text.Json;
using Microsoft.Playwright;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Docs;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// Column lineage in the site, from a manifest with <c>columns.&lt;name&gt;.lineage</c> in the
/// shape the lineage analysis writes: the page walks it across the whole graph both ways.
/// </summary>
[NonParallelizable]
public sealed class ColumnLineageBrowserTests
{
    private const string FakeManifest = """
        {"nodes": {
          "model.shop.customers": {"columns": {"name": {"lineage": []}, "id": {"lineage": []}}},
          "model.shop.stg_customers": {"columns": {
             "id": {"lineage": [{"node": "model.shop.customers", "column": "id", "kind": "direct"}]},
             "name_upper": {"lineage": [{"node": "model.shop.customers", "column": "name", "kind": "transformed"}]}}},
          "model.shop.report": {"columns": {
             "customer_id": {"lineage": [{"node": "model.shop.stg_customers", "column": "id", "kind": "direct"}]},
             "label": {"lineage": [{"node": "model.shop.stg_customers", "column": "name_upper", "kind": "direct"},
                                   {"node": "model.shop.stg_customers", "column": "id", "kind": "transformed"}]},
             "extra": {"lineage": [], "unresolved": "select * over an unknown relation"}}}
        }}
        """;

    private TempProject _project = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _index = "";

    [OneTimeSetUp]
    public async Task Generate()
    {
        _project = new TempProject("shop").WithProjectFile()
            .With("models/customers.sql", "select 1 as id, 'ada' as name")
            .With("models/stg_customers.sql", "select id, upper(name) as name_upper from {{ ref('customers') }}")
            .With("models/report.sql", "select id as customer_id, name_upper || id as label, null as extra from {{ ref('stg_customers') }}");
        var environment = new CliEnvironment { Output = new StringWriter(), Error = new StringWriter(), WorkingDirectory = _project.Root, HomeDirectory = _project.Root };
        var session = ProjectSession.Open(new InvocationOptions { Command = "docs", ProjectDirectory = _project.Root }, environment)!;
        Assert.That(session, Is.Not.Null, environment.Error.ToString());
        using var manifest = JsonDocument.Parse(FakeManifest);
        var input = new DocsInput { Project = session.Compiled!, Lineage = ColumnLineageReader.Read(manifest.RootElement) };
        var site = Path.Combine(_project.Root, "target", "docs");
        Assert.That(DocsGenerator.TryWriteSite(input, new DocsBlocks(), site, new DiagnosticBag()), Is.True);
        _index = new Uri(Path.Combine(site, "index.html")).AbsoluteUri;
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _project.Dispose();
    }

    [Test]
    public async Task Clicking_a_column_lists_its_upstream_columns_across_the_graph()
    {
        var (page, errors) = await Chromium.OpenAsync(_browser, _index + "#/node/model.shop.report");

        await page.ClickAsync("tr[data-column=label] .col-name");
        await page.WaitForSelectorAsync(".column-lineage[data-column=label]");
        var upstream = await Items(page, "up");

        Assert.That(upstream, Is.EqualTo(new[]
        {
            "model.shop.stg_customers.name_upper direct",
            "model.shop.stg_customers.id transformed",
            "model.shop.customers.name transformed",
            "model.shop.customers.id direct",
        }));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_source_column_lists_the_columns_computed_from_it_downstream()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, _index + "#/node/model.shop.customers?col=name");
        await page.WaitForSelectorAsync(".column-lineage");

        var downstream = await Items(page, "down");

        Assert.That(downstream, Is.EqualTo(new[] { "model.shop.stg_customers.name_upper transformed", "model.shop.report.label direct" }));
    }

    [Test]
    public async Task An_unresolved_column_says_why_instead_of_guessing()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, _index + "#/node/model.shop.report?col=extra");

        var note = await page.TextContentAsync(".unresolved-note");

        Assert.That(note, Does.Contain("select * over an unknown relation"));
    }

    private static Task<string[]> Items(IPage page, string direction) =>
        page.Locator($".lineage-item[data-direction={direction}]").EvaluateAllAsync<string[]>(
            "els => els.map(e => e.dataset.node + '.' + e.dataset.column + ' ' + e.dataset.kind)");
}
