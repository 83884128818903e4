using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

/// <summary>
/// The site of a generated 10,000-model project in headless Chromium from file://: quick to open,
/// an overview by folder first, nodes when zoomed in, and a node's neighbourhood on search or click.
/// Frame rates are measured in bench/Docs (a loaded test machine would make a threshold flaky).
/// </summary>
[NonParallelizable]
public sealed class LargeSiteBrowserTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Launch()
    {
        _ = LargeSite.Generated;
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    [Test]
    public async Task The_page_is_interactive_within_two_seconds_and_loads_only_the_core_data()
    {
        var (page, errors) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl);

        var readyAt = await page.EvaluateAsync<double>("() => window.forgeReadyAt");
        var scripts = await page.EvaluateAsync<string[]>("() => Array.from(document.scripts).map(s => s.getAttribute('src'))");
        var core = new FileInfo(Path.Combine(LargeSite.Generated.Root, "target", "docs", "forge-data.js")).Length;

        Assert.That(readyAt, Is.LessThan(2000), "milliseconds from navigation to window.forgeReady");
        Assert.That(scripts, Does.Not.Contain("forge-search.js").And.Not.Contain("forge-lineage.js"), "loaded when first used");
        Assert.That(scripts.Where(s => s?.StartsWith("nodes/", StringComparison.Ordinal) == true), Is.Empty);
        Assert.That(core, Is.LessThan(15L * 1024 * 1024), "the data loaded up front");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_model_page_loads_its_sql_and_neighbours_on_demand()
    {
        var name = LargeSite.Name(9_999);
        var (page, errors) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl + $"#/node/model.{LargeSite.Project}.{name}");
        await page.WaitForSelectorAsync(".node-page");

        var compiled = await page.TextContentAsync("[data-code=compiled] pre");
        var parents = await page.Locator(".relations .node-list a").AllTextContentsAsync();

        Assert.That(await page.TextContentAsync(".node-page h1"), Is.EqualTo(name));
        Assert.That(compiled, Does.Contain("union all").Or.Contain("from"));
        Assert.That(parents, Is.SupersetOf(LargeSite.Parents(9_999).Select(LargeSite.Name)));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task The_first_view_of_the_graph_shows_folders_as_groups_with_bundled_edges()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");

        var mode = await page.GetAttributeAsync("#graph-canvas", "data-mode");
        var lod = await page.EvaluateAsync<string>("() => window.forgeGraph.lod()");
        var groups = await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.groupSummary()");
        var bundles = await page.EvaluateAsync<int>("() => window.forgeGraph.bundleCount()");
        var names = groups.EnumerateArray().Select(g => g.GetProperty("name").GetString()).ToList();
        var total = groups.EnumerateArray().Sum(g => g.GetProperty("count").GetInt32());
        var staging = groups.EnumerateArray().First(g => g.GetProperty("name").GetString() == "models/staging/billing");
        var mart = groups.EnumerateArray().First(g => g.GetProperty("name").GetString() == "models/marts/billing");

        Assert.That(mode, Is.EqualTo("groups"));
        Assert.That(lod, Is.EqualTo("groups"), "zoomed out, boxes per folder rather than 10,000 nodes");
        Assert.That(names, Does.Contain("sources/raw").And.Contain("models/intermediate/crm"));
        Assert.That(names, Has.Count.EqualTo(31), "ten domains in each of three layers, and the source");
        Assert.That(total, Is.EqualTo(LargeSite.Models + LargeSite.Sources));
        Assert.That(bundles, Is.GreaterThan(0).And.LessThan(31 * 31), "one edge per pair of groups");
        Assert.That(staging.GetProperty("x").GetDouble(), Is.LessThan(mart.GetProperty("x").GetDouble()), "layers read left to right");
        Assert.That(groups.EnumerateArray().All(g => g.GetProperty("w").GetDouble() >= 20), "every group is visible at the first view");
    }

    [Test]
    public async Task Zooming_into_a_group_reveals_its_nodes_and_then_their_names()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        var box = (await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.groupSummary().find(g => g.name === 'models/marts/crm')"));

        await page.Mouse.ClickAsync((float)(box.GetProperty("x").GetDouble() + box.GetProperty("w").GetDouble() / 2), (float)(box.GetProperty("y").GetDouble() + box.GetProperty("h").GetDouble() / 2));
        var afterClick = await page.EvaluateAsync<string>("() => window.forgeGraph.lod()");
        await page.EvaluateAsync("() => { window.forgeGraph.zoom(4); }");
        var afterZoom = await page.EvaluateAsync<string>("() => window.forgeGraph.lod()");

        Assert.That(afterClick, Is.EqualTo("nodes"), "a click on a group zooms into it");
        Assert.That(afterZoom, Is.EqualTo("labels"));
    }

    [Test]
    public async Task Finding_a_node_focuses_it_with_its_neighbourhood()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        var index = 5_000;

        await page.FillAsync("#graph-find", LargeSite.Name(index));
        await page.PressAsync("#graph-find", "Enter");
        await page.WaitForSelectorAsync("#graph-canvas[data-mode=layers]");
        var nodes = await page.EvaluateAsync<string[]>("() => window.forgeGraph.nodeIds()");
        var selected = await page.EvaluateAsync<string>("() => window.forgeGraph.data.nodes[window.forgeGraph.selected].id");

        var id = (int i) => $"model.{LargeSite.Project}.{LargeSite.Name(i)}";
        Assert.That(selected, Is.EqualTo(id(index)));
        Assert.That(nodes, Is.SupersetOf(LargeSite.Parents(index).Select(id)), "its parents");
        Assert.That(nodes, Has.Length.LessThan(200), "a neighbourhood, not the whole graph");
        Assert.That(page.Url, Does.Contain("focus=" + Uri.EscapeDataString(id(index))));
    }

    [Test]
    public async Task A_focused_neighbourhood_draws_edges_around_nodes_into_their_arrowheads()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        await page.FillAsync("#graph-find", LargeSite.Name(9_000));
        await page.PressAsync("#graph-find", "Enter");
        await page.WaitForSelectorAsync("#graph-canvas[data-mode=layers]");

        var paths = await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.edgePaths()");
        var boxes = (await page.EvaluateAsync<JsonElement>("() => window.forgeGraph.nodeBoxes()")).EnumerateArray()
            .ToDictionary(b => b.GetProperty("id").GetString()!, b => (X: b.GetProperty("x").GetDouble(), Y: b.GetProperty("y").GetDouble(), W: b.GetProperty("w").GetDouble(), H: b.GetProperty("h").GetDouble()));
        var crossings = new List<string>();
        foreach (var path in paths.EnumerateArray())
        {
            var from = path.GetProperty("from").GetString()!;
            var to = path.GetProperty("to").GetString()!;
            var points = path.GetProperty("points").EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
            var child = boxes[to];
            Assert.That(points[^1], Is.EqualTo((child.X, child.Y + child.H / 2)), $"{from} -> {to} ends at the child's left side, where the arrowhead points");
            foreach (var (x, y) in points)
            {
                crossings.AddRange(boxes.Where(b => b.Key != from && b.Key != to
                        && x > b.Value.X + 0.5 && x < b.Value.X + b.Value.W - 0.5 && y > b.Value.Y + 0.5 && y < b.Value.Y + b.Value.H - 0.5)
                    .Select(b => $"{from} -> {to} behind {b.Key}"));
            }
        }

        Assert.That(paths.GetArrayLength(), Is.GreaterThan(LargeSite.Parents(9_000).Count), "the neighbourhood's edges, not only the focused node's");
        Assert.That(crossings.Distinct(), Is.Empty);
    }

    [Test]
    public async Task Clicking_a_node_in_the_overview_focuses_its_neighbourhood()
    {
        var (page, _) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl + "#/graph");
        await page.WaitForSelectorAsync("#graph-canvas[data-node-count]");
        var id = $"model.{LargeSite.Project}.{LargeSite.Name(8_000)}";
        await page.EvaluateAsync("id => { const g = window.forgeGraph, p = g.pos.get(window.ForgeApp.indexOf(id)); g.scale = 1; g.tx = 400 - p.x; g.ty = 300 - p.y; g.paint(); }", id);

        var at = await page.EvaluateAsync<JsonElement>("id => window.forgeGraph.positionOf(id)", id);
        await page.Mouse.ClickAsync(at.GetProperty("x").GetSingle(), at.GetProperty("y").GetSingle());
        await page.WaitForSelectorAsync("#graph-canvas[data-mode=layers]");

        Assert.That(page.Url, Does.Contain("focus=" + Uri.EscapeDataString(id)));
        Assert.That(await page.EvaluateAsync<string[]>("() => window.forgeGraph.nodeIds()"), Does.Contain(id));
    }

    [Test]
    public async Task Search_loads_its_index_on_first_use_and_finds_a_model()
    {
        var (page, errors) = await Chromium.OpenAsync(_browser, LargeSite.IndexUrl);
        var name = LargeSite.Name(1_234);

        await page.FillAsync("#search", name);
        await page.WaitForSelectorAsync($".search-hit[data-id='model.{LargeSite.Project}.{name}']");

        Assert.That(await page.EvaluateAsync<bool>("() => window.ForgeLoader.isLoaded('forge-search.js')"), Is.True);
        Assert.That(errors, Is.Empty);
    }
}
