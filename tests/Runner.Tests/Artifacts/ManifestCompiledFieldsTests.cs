using System.Text.Json;
using ModelForge.Runner.Memo;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// dbt's manifest nodes carry <c>compiled_path</c>, <c>compiled</c> and <c>compiled_code</c>: set
/// for the nodes the command compiled, null/false for the others; seeds have none of them.
/// </summary>
public sealed class ManifestCompiledFieldsTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile()
        .With("seeds/raw_orders.csv", "id\n1\n")
        .With("models/orders.sql", "select id from {{ ref('raw_orders') }}")
        .With("models/customers.sql", "select 1 as id")
        .With("models/schema.yml", "models:\n  - name: orders\n    columns:\n      - name: id\n        data_tests: [unique]\n");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Compile_fills_the_compiled_nodes_and_leaves_the_unselected_ones_uncompiled()
    {
        Assert.That(_project.Forge("compile", "-s", "orders").ExitCode, Is.EqualTo(0));

        var nodes = Nodes();
        var orders = nodes.GetProperty("model.shop.orders");
        Assert.That(orders.GetProperty("compiled").GetBoolean(), Is.True);
        Assert.That(orders.GetProperty("compiled_path").GetString(), Is.EqualTo("target/compiled/shop/models/orders.sql"));
        Assert.That(orders.GetProperty("compiled_code").GetString(), Is.EqualTo(_project.Read("target/compiled/shop/models/orders.sql")));
        Assert.That(orders.GetProperty("compiled_code").GetString(), Does.Contain("raw_orders").And.Not.Contain("{{"));
        var customers = nodes.GetProperty("model.shop.customers");
        Assert.That(customers.GetProperty("compiled").GetBoolean(), Is.False);
        Assert.That(customers.GetProperty("compiled_path").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(customers.GetProperty("compiled_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(nodes.GetProperty("seed.shop.raw_orders").TryGetProperty("compiled", out _), Is.False, "dbt's seed nodes have no compiled fields");
    }

    [Test]
    public void A_compile_that_reuses_its_cache_still_writes_the_compiled_code()
    {
        _project.WithEnvironment("FORGE_CACHE_TRACE", "1").Forge("compile");
        // No memo (whether the first compile wrote one depends on how long ago the files were written: a delta would
        // render the edit alone): the full compile runs, and its compile cache reuses orders.
        File.Delete(Path.Combine(_project.Root, "target", MemoFile.NameFor("compile")));
        _project.With("models/customers.sql", "select 2 as id");

        var second = _project.Forge("compile");
        Assert.That((second.ExitCode, second.Error), Is.EqualTo((0, second.Error)));
        Assert.That(second.Error, Does.Contain("compile cache: reused").And.Not.Contain("rendered model.shop.orders"));

        Assert.That(Nodes().GetProperty("model.shop.orders").GetProperty("compiled_code").GetString(), Does.Contain("raw_orders"));
        Assert.That(Nodes().GetProperty("model.shop.customers").GetProperty("compiled_code").GetString(), Does.Contain("select 2"));
    }

    [Test]
    public void Parse_writes_every_node_uncompiled()
    {
        Assert.That(_project.Forge("parse").ExitCode, Is.EqualTo(0));

        var orders = Nodes().GetProperty("model.shop.orders");
        Assert.That((orders.GetProperty("compiled").GetBoolean(), orders.GetProperty("compiled_code").ValueKind), Is.EqualTo((false, JsonValueKind.Null)));
    }

    [Test]
    public void The_manifest_after_build_has_the_sql_each_model_and_test_ran()
    {
        Assert.That(_project.Forge("build").ExitCode, Is.EqualTo(0));

        var nodes = Nodes();
        Assert.That(nodes.GetProperty("model.shop.customers").GetProperty("compiled_code").GetString(), Does.Contain("select 1 as id"));
        var test = nodes.EnumerateObject().Single(n => n.Name.StartsWith("test.shop.unique_orders_id", StringComparison.Ordinal)).Value;
        Assert.That(test.GetProperty("compiled").GetBoolean(), Is.True);
        Assert.That(test.GetProperty("compiled_path").GetString(), Does.StartWith("target/compiled/shop/models/schema.yml/unique_orders_id"));
    }

    private JsonElement Nodes()
    {
        using var json = JsonDocument.Parse(_project.Read("target/manifest.json"));
        return json.RootElement.GetProperty("nodes").Clone();
    }
}
