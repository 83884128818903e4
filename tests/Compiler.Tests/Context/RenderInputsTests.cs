using ModelForge.Compiler.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>The compile cache's view of a render: every global name is classified, and reads are recorded.</summary>
public sealed class RenderInputsTests
{
    [Test]
    public void The_cache_knows_every_name_a_render_adds_beside_the_shared_globals()
    {
        var harness = new ContextHarness();
        var project = harness.Project();
        var state = new RenderState(project, harness.Node());

        var perNode = state.Functions.Keys.Where(k => !project.Shared.Values.ContainsKey(k));

        Assert.That(perNode, Is.EquivalentTo(ContextFunctions.NodeNames));
    }

    [Test]
    public void Keys_join_their_parts_and_equal_keys_are_one_string()
    {
        var first = RenderInputs.KeyOf(RenderInputs.Ref, "shop", "orders", null);
        var again = RenderInputs.KeyOf(RenderInputs.Ref, "shop", string.Concat("ord", "ers"), null);
        var longKey = RenderInputs.KeyOf(RenderInputs.Var, new string('x', 300));

        Assert.That(first, Is.EqualTo("r|shop|orders|\u0001"));
        Assert.That(again, Is.SameAs(first));
        Assert.That(RenderInputs.KeyOf(RenderInputs.Var, "region"), Is.EqualTo(RenderInputs.Var + "region"));
        Assert.That(longKey, Is.EqualTo("v|" + new string('x', 300)), "longer than the stack buffer");
    }

    [Test]
    public void Reading_a_var_and_an_env_var_records_their_values_and_the_clock_makes_a_render_uncacheable()
    {
        var harness = new ContextHarness();
        harness.Vars["region"] = "eu";
        harness.Environment["HOME_TEAM"] = "data";
        var inputs = new RenderInputs();
        var node = harness.Node();
        var globals = ContextBuilder.Build(harness.Project(), new NodeRenderInfo
        {
            UniqueId = node.UniqueId, Name = node.Name, PackageName = node.PackageName, Config = node.Config, Phase = node.Phase,
            This = node.This, Inputs = inputs,
        });

        ContextHarness.Invoke(globals["var"], "region");
        ContextHarness.Invoke(globals["env_var"], "HOME_TEAM");

        Assert.That(inputs.Entries[RenderInputs.Var + "region"], Is.EqualTo("=\"2:eu"));
        Assert.That(inputs.Entries[RenderInputs.Env + "HOME_TEAM"], Is.EqualTo("=data"));
        Assert.That(inputs.Uncacheable, Is.Null);

        _ = globals["run_started_at"];
        Assert.That(inputs.Uncacheable, Is.Not.Null);
    }
    [Test]
    public void Renders_sharing_a_project_record_their_own_node_names_and_the_same_shared_ones()
    {
        var harness = new ContextHarness();
        var project = harness.Project();
        var node = harness.Node();
        var orders = Read(project, Recording(node, node.This), "this", "ref");
        var customers = Read(project, Recording(node, new Relation("warehouse", "analytics", "customers", RelationType.View, RelationQuoting.DuckDb)),
            "this", "ref", "run_started_at");

        var thisKey = RenderInputs.Global + node.PackageName + "|this";
        var refKey = RenderInputs.Global + node.PackageName + "|ref";
        Assert.That(orders.Entries[thisKey], Is.EqualTo(ValueFingerprint.Of(node.This)));
        Assert.That(customers.Entries[thisKey], Is.Not.EqualTo(orders.Entries[thisKey]), "this is the node's own relation");
        Assert.That(customers.Entries[refKey], Is.EqualTo(orders.Entries[refKey]));
        Assert.That(orders.Uncacheable, Is.Null);
        Assert.That(customers.Uncacheable, Is.Not.Null, "the clock makes every render that reads it uncacheable");
        Assert.That(Read(project, Recording(node, node.This), "run_started_at").Uncacheable, Is.Not.Null);
    }

    private static NodeRenderInfo Recording(NodeRenderInfo node, Relation? self) => new()
    {
        UniqueId = node.UniqueId, Name = node.Name, PackageName = node.PackageName, Config = node.Config, Phase = node.Phase,
        This = self, Inputs = new RenderInputs(),
    };

    private static RenderInputs Read(ProjectRenderInfo project, NodeRenderInfo node, params string[] names)
    {
        var globals = ContextBuilder.Build(project, node);
        foreach (var name in names) _ = globals[name];
        return node.Inputs!;
    }
}
