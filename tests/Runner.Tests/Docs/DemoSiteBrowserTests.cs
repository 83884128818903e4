using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>The demo project's docs site in headless Chromium, opened from file:// with no server.</summary>
[NonParallelizable]
public sealed class DemoSiteBrowserTests
{
    private static readonly string[] GraphTypes = ["model", "seed", "snapshot", "source", "analysis"];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Launch() => (_playwright, _browser) = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    [Test]
    public async Task Site_loads_from_file_with_no_console_errors()
    {
        var (page, errors) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl);

        var heading = await page.TextContentAsync(".overview h1");
        await page.GotoAsync(DemoSite.IndexUrl + "#/node/model.bikeshare.fct_rides");
        var title = await page.TextContentAsync(".node-page h1");
        var compiled = await page.Locator("[data-code=compiled] pre").CountAsync();
        await page.GotoAsync(DemoSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        await SaveScreenshotAsync(page, "lineage.png");

        Assert.That(heading, Is.EqualTo("Harborview Bikes analytics"));
        Assert.That(title, Is.EqualTo("fct_rides"));
        Assert.That(compiled, Is.EqualTo(1), "the model page shows its compiled SQL");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task Model_page_shows_catalog_types_and_resolved_doc_blocks()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl + "#/node/model.bikeshare.fct_rides");

        var type = await page.TextContentAsync("tr[data-column=ride_id] .col-type");
        var riderType = await page.TextContentAsync("tr[data-column=rider_type] td.markdown");
        await SaveScreenshotAsync(page, "model.png");

        Assert.That(type, Is.Not.Empty, "ride_id has its warehouse type from catalog.json");
        Assert.That(riderType, Does.Contain("Who took the ride"), "{{ doc('rider_type') }} is replaced by the docs block");
    }

    [Test]
    public async Task Search_finds_a_model_by_a_column_name()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl);

        await page.FillAsync("#search", "straight_line_km");
        await page.WaitForSelectorAsync(".search-hit");
        var hits = await page.Locator(".search-hit").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-id'))");
        var where = await page.TextContentAsync(".search-hit[data-id='model.bikeshare.int_rides_enriched'] .hit-where");

        Assert.That(hits, Does.Contain("model.bikeshare.int_rides_enriched"));
        Assert.That(where, Does.Contain("column"));
    }

    [Test]
    public async Task Clicking_a_node_in_the_graph_opens_its_page()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        await page.WaitForTimeoutAsync(100);

        var at = await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.positionOf('model.bikeshare.dim_stations')");
        await page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        await page.WaitForSelectorAsync(".node-page");

        Assert.That(page.Url, Does.EndWith("#/node/model.bikeshare.dim_stations"));
        Assert.That(await page.TextContentAsync(".node-page h1"), Is.EqualTo("dim_stations"));
    }

    [Test]
    public async Task Graph_draws_every_edge_of_the_manifest_between_graph_nodes()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");

        var edges = await page.EvaluateAsync<string[][]>("() => window.forgeGraph.edgeIds()");
        var nodes = await page.EvaluateAsync<string[]>("() => window.forgeGraph.nodeIds()");
        var (expectedNodes, expectedEdges) = ManifestGraph();

        Assert.That(nodes, Is.EquivalentTo(expectedNodes));
        Assert.That(edges.Select(e => $"{e[0]} -> {e[1]}"), Is.EquivalentTo(expectedEdges));
        Assert.That(expectedEdges, Does.Contain("model.bikeshare.stg_rides -> model.bikeshare.int_rides_enriched"));
    }

    [Test]
    public async Task Selector_shows_a_model_and_its_ancestors()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl + "#/graph?select=" + Uri.EscapeDataString("+member_lifetime_value"));
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");

        var nodes = await page.EvaluateAsync<string[]>("() => window.forgeGraph.nodeIds()");

        Assert.That(nodes, Does.Contain("model.bikeshare.member_lifetime_value").And.Contain("model.bikeshare.int_member_payments").And.Contain("source.bikeshare.raw.payments"));
        Assert.That(nodes, Does.Not.Contain("model.bikeshare.dim_stations"));
    }

    [Test]
    public async Task Column_lineage_of_a_mart_column_lists_its_upstream_columns()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl + "#/node/model.bikeshare.fct_rides?col=distance_km");
        await page.WaitForSelectorAsync(".column-lineage");

        var upstream = await page.Locator(".lineage-item[data-direction=up]").EvaluateAllAsync<string[]>(
            "els => els.map(e => e.dataset.node + '.' + e.dataset.column + ' ' + e.dataset.kind)");

        // distance_km = coalesce(gps_distance_km, straight_line_km), and those come from further up.
        Assert.That(upstream, Does.Contain("model.bikeshare.int_rides_enriched.gps_distance_km transformed")
            .And.Contain("model.bikeshare.int_rides_enriched.straight_line_km transformed"));
        Assert.That(upstream.Any(u => u.StartsWith("model.bikeshare.stg_rides.", StringComparison.Ordinal)), Is.True,
            "lineage continues past the direct parent");
    }

    [Test]
    public async Task Edges_never_pass_behind_a_node_and_end_at_their_child()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, DemoSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");

        var paths = await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.edgePaths()");
        var boxes = (await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.nodeBoxes()")).EnumerateArray()
            .Select(b => (Id: b.GetProperty("id").GetString()!, X: b.GetProperty("x").GetDouble(), Y: b.GetProperty("y").GetDouble(), W: b.GetProperty("w").GetDouble(), H: b.GetProperty("h").GetDouble()))
            .ToList();
        var crossings = new List<string>();
        var longEdges = 0;
        foreach (var path in paths.EnumerateArray())
        {
            var from = path.GetProperty("from").GetString()!;
            var to = path.GetProperty("to").GetString()!;
            var points = path.GetProperty("points").EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
            var child = boxes.Single(b => b.Id == to);
            var parent = boxes.Single(b => b.Id == from);
            if (child.X - parent.X > 300) longEdges++;
            Assert.That(points[^1], Is.EqualTo((child.X, child.Y + child.H / 2)), $"{from} -> {to} ends at the child's left side, where the arrowhead points");
            foreach (var (x, y) in points)
            {
                foreach (var box in boxes)
                {
                    if (box.Id == from || box.Id == to) continue;
                    if (x > box.X + 0.5 && x < box.X + box.W - 0.5 && y > box.Y + 0.5 && y < box.Y + box.H - 0.5) crossings.Add($"{from} -> {to} behind {box.Id}");
                }
            }
        }

        Assert.That(longEdges, Is.GreaterThan(0), "the demo has edges that skip a layer, which the test is about");
        Assert.That(crossings.Distinct(), Is.Empty);
    }

    private static (List<string> Nodes, List<string> Edges) ManifestGraph()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(DemoSite.Demo.Root, "target", "manifest.json")));
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in new[] { "nodes", "sources" })
        {
            foreach (var node in manifest.RootElement.GetProperty(section).EnumerateObject()) types[node.Name] = node.Value.GetProperty("resource_type").GetString()!;
        }
        var inGraph = types.Where(t => GraphTypes.Contains(t.Value)).Select(t => t.Key).ToList();
        var edges = new List<string>();
        foreach (var child in manifest.RootElement.GetProperty("parent_map").EnumerateObject())
        {
            if (!inGraph.Contains(child.Name)) continue;
            foreach (var parent in child.Value.EnumerateArray())
            {
                if (inGraph.Contains(parent.GetString()!)) edges.Add($"{parent.GetString()} -> {child.Name}");
            }
        }
        return (inGraph, edges);
    }

    /// <summary>With FORGE_DOCS_SCREENSHOTS set to a folder, keeps a picture of the page there (for the README and for review).</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("FORGE_DOCS_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.WaitForTimeoutAsync(150);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
    }
}
