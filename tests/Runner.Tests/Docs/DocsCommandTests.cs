using System.Net.Http;
using System.Text.Json;
using ModelForge.Runner.Docs;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

public sealed class DocsCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile()
        .With("models/orders.sql", "{{ config(materialized='table') }}\nselect 1 as order_id, 'eu' as region")
        .With("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: '{{ doc(\"orders\") }}'\n    columns:\n      - name: order_id\n        description: The order.\n")
        .With("models/docs.md", "{% docs orders %}\nOne row per **order**.\n{% enddocs %}\n{% docs __overview__ %}\n# Shop\n{% enddocs %}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Generate_writes_the_catalog_in_dbt_shape_and_the_site()
    {
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));

        var result = _project.Forge("docs", "generate");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var catalog = JsonDocument.Parse(_project.Read("target/catalog.json"));
        var orders = catalog.RootElement.GetProperty("nodes").GetProperty("model.shop.orders");
        Assert.That(orders.GetProperty("metadata").GetProperty("name").GetString(), Is.EqualTo("orders"));
        var column = orders.GetProperty("columns").GetProperty("order_id");
        Assert.That(column.GetProperty("type").GetString(), Is.EqualTo("INTEGER"));
        Assert.That(column.GetProperty("index").GetInt32(), Is.EqualTo(1));
        Assert.That(_project.Exists("target/docs/index.html") && _project.Exists("target/docs/app.js"));
        Assert.That(_project.Exists("target/compiled/shop/models/orders.sql"));
        var data = _project.Read("target/docs/forge-data.js");
        Assert.That(data, Does.StartWith("window.FORGE_DATA = {"));
        var details = _project.Read("target/docs/nodes/0.js");
        Assert.That(details, Does.StartWith("forgeShard(0,"));
        Assert.That(details, Does.Contain("One row per \\u003Cstrong\\u003Eorder\\u003C/strong\\u003E."), "doc() in a description is resolved and rendered");
    }

    [Test]
    public void Generate_with_an_empty_catalog_does_not_touch_the_warehouse()
    {
        var result = _project.Forge("docs", "generate", "--empty-catalog");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(File.Exists(_project.DatabasePath), Is.False);
        Assert.That(_project.Read("target/catalog.json"), Does.Contain("\"nodes\": {}"));
    }

    [Test]
    public void Generate_again_keeps_column_lineage_current_through_its_cache()
    {
        _project.With("models/regions.sql", "select * from {{ ref('orders') }}");
        Assert.That(_project.Forge("docs", "generate", "--empty-catalog").ExitCode, Is.EqualTo(0));
        Assert.That(_project.Exists($"target/{ModelForge.Compiler.Analysis.Lineage.LineageCache.FileName}"), Is.True);
        _project.With("models/orders.sql", "{{ config(materialized='table') }}\nselect 1 as order_id, 'eu' as region, 2 as shipped");

        var result = _project.Forge("docs", "generate", "--empty-catalog");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var manifest = JsonDocument.Parse(_project.Read("target/manifest.json"));
        var columns = manifest.RootElement.GetProperty("nodes").GetProperty("model.shop.regions").GetProperty("columns");
        Assert.That(columns.EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "order_id", "region", "shipped" }));
    }

    [Test]
    public void Serve_without_a_site_says_to_generate_first()
    {
        var result = _project.Forge("docs", "serve", "--port", "0");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("MF5604").And.Contain("forge docs generate"));
    }

    [Test]
    public async Task Server_serves_files_of_its_folder_on_loopback_only()
    {
        Assert.That(_project.Forge("docs", "generate", "--empty-catalog").ExitCode, Is.EqualTo(0));
        using var server = new StaticFileServer(Path.Combine(_project.Root, "target", "docs"), 0);
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/") };

        var index = await http.GetAsync("");
        var escape = await http.GetAsync("..%2f..%2fforge_project.yml");
        var script = await http.GetAsync("app.js");
        await stop.CancelAsync();
        await running;

        Assert.That((int)index.StatusCode, Is.EqualTo(200));
        Assert.That(await index.Content.ReadAsStringAsync(), Does.Contain("forge-data.js"));
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That((int)escape.StatusCode, Is.EqualTo(404));
    }
}
