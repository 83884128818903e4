using NUnit.Framework;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

public sealed class IsIncrementalTests
{
    // Given an incremental model whose table exists, executing, without full refresh.
    private static ContextHarness Incremental()
    {
        var harness = new ContextHarness { Adapter = new FakeAdapter() };
        harness.Config["materialized"] = "incremental";
        harness.Adapter.Relations["analytics.orders"] = new Relation("warehouse", "analytics", "orders", RelationType.Table, RelationQuoting.DuckDb);
        return harness;
    }

    [Test]
    public void Is_incremental_when_executing_an_existing_incremental_table() =>
        Assert.That(Incremental().Call("is_incremental"), Is.True);

    [Test]
    public void Not_incremental_while_parsing()
    {
        var harness = Incremental();
        harness.Phase = RenderPhase.Parse;
        Assert.That(harness.Call("is_incremental"), Is.False);
    }

    [Test]
    public void Not_incremental_when_materialized_otherwise()
    {
        var harness = Incremental();
        harness.Config["materialized"] = "table";
        Assert.That(harness.Call("is_incremental"), Is.False);
    }

    [Test]
    public void Not_incremental_when_the_relation_does_not_exist()
    {
        var harness = Incremental();
        harness.Adapter!.Relations.Clear();
        Assert.That(harness.Call("is_incremental"), Is.False);
    }

    [Test]
    public void Not_incremental_when_the_relation_is_a_view()
    {
        var harness = Incremental();
        harness.Adapter!.Relations["analytics.orders"] = harness.Adapter.Relations["analytics.orders"] with { Type = RelationType.View };
        Assert.That(harness.Call("is_incremental"), Is.False);
    }

    [Test]
    public void Not_incremental_on_full_refresh()
    {
        var harness = Incremental();
        harness.FullRefresh = true;
        Assert.That(harness.Call("is_incremental"), Is.False);
    }

    [Test]
    public void Node_full_refresh_false_overrides_the_flag()
    {
        var harness = Incremental();
        harness.FullRefresh = true;
        harness.Config["full_refresh"] = false;
        Assert.That(harness.Call("is_incremental"), Is.True);
    }

    [Test]
    public void Not_incremental_without_a_database() =>
        Assert.That(new ContextHarness { Adapter = null }.Call("is_incremental"), Is.False);

    [Test]
    public void Execute_is_false_while_parsing_and_true_when_executing()
    {
        Assert.That(new ContextHarness { Phase = RenderPhase.Parse }.Global("execute"), Is.False);
        Assert.That(new ContextHarness { Phase = RenderPhase.Execute }.Global("execute"), Is.True);
    }
}
