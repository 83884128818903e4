using ModelForge.Compiler.Context;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>
/// A render's globals: node values over the shared ones, each name resolved once per render (and
/// per package), with the same answer on every read.
/// </summary>
public sealed class RenderGlobalsTests
{
    [Test]
    public void An_impure_name_read_many_times_in_one_render_is_reported_once()
    {
        var reported = new List<string>();
        var harness = new ContextHarness { ImpureRead = reported.Add };
        var globals = harness.Globals();

        for (var i = 0; i < 3; i++)
        {
            Assert.That(globals.TryGetValue("run_started_at", out _), Is.True);
            Assert.That(globals.TryGetValue("ref", out _), Is.True);
        }

        Assert.That(reported, Is.EqualTo(new[] { "run_started_at" }));
    }

    [Test]
    public void Every_read_of_a_name_gives_the_same_value_and_builtins_hold_the_functions_templates_call()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro("cents", "cents()"));
        var globals = harness.Globals();

        Assert.That(globals["ref"], Is.SameAs(globals["ref"]));
        Assert.That(globals["cents"], Is.SameAs(globals["cents"]));
        Assert.That(Attr(globals["builtins"], "ref"), Is.SameAs(globals["ref"]));
        Assert.That(Attr(globals["builtins"], "config"), Is.SameAs(globals["config"]));
        Assert.That(globals.TryGetValue("no_such_name", out _), Is.False);
        Assert.That(globals.TryGetValue("no_such_name", out _), Is.False, "a miss stays a miss");
    }

    [Test]
    public void Each_macro_is_bound_once_per_render_however_many_the_render_binds()
    {
        var harness = new ContextHarness();
        // Past the render's short list of bound macros (16), into its table.
        var macros = Enumerable.Range(0, 40).Select(i => new FakeMacro($"m{i}", $"out{i}")).ToList();
        foreach (var macro in macros) harness.Macros.Add("shop", macro);
        var state = new RenderState(harness.Project(), harness.Node());

        var first = macros.Select(m => state.Bind(m, "shop")).ToList();
        var again = macros.Select(m => state.Bind(m, "shop")).ToList();

        Assert.That(Enumerable.Range(0, 40).All(i => ReferenceEquals(first[i], again[i])), Is.True);
        Assert.That(macros.All(m => m.BoundTo.Count == 1), Is.True);
        Assert.That(first.Select(c => c.Call(new(Array.Empty<object?>(), ModelForge.Compiler.Templating.Runtime.CallArguments.NoNamed, default))),
            Is.EqualTo(Enumerable.Range(0, 40).Select(i => $"out{i}")));
        // Bound for another package's context: bound again, and the first binding kept.
        Assert.That(state.Bind(macros[3], "other"), Is.Not.SameAs(first[3]));
        Assert.That(state.Bind(macros[20], "other"), Is.Not.SameAs(first[20]));
        Assert.That(state.Bind(macros[3], "shop"), Is.SameAs(first[3]));
        Assert.That(state.Bind(macros[20], "shop"), Is.SameAs(first[20]));
        Assert.That(state.GlobalsFor("other"), Is.SameAs(state.GlobalsFor("other")));
        Assert.That(state.GlobalsFor("shop"), Is.Not.SameAs(state.GlobalsFor("other")));
    }

    [Test]
    public void A_node_name_shadows_a_shared_name_and_a_shared_name_reads_through()
    {
        var harness = new ContextHarness();
        var state = new RenderState(harness.Project(), harness.Node());

        Assert.That(state.Functions["this"], Is.EqualTo(harness.Node().This));
        Assert.That(state.Functions["execute"], Is.EqualTo(true));
        Assert.That(state.Functions["project_name"], Is.EqualTo("shop"));
        Assert.That(state.Functions.ContainsKey("target"), Is.True);
        Assert.That(state.Functions.Keys, Has.Exactly(1).EqualTo("ref"));
    }

    [Test]
    public void Dispatch_without_a_namespace_picks_each_calling_packages_own_macro_across_renders()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro("default__label", "shop's"));
        harness.Macros.Add("pkg", new FakeMacro("default__label", "pkg's"));
        harness.Macros.Add("pkg", new FakeMacro("other", ""));
        var project = harness.Project();

        string Label(string package)
        {
            var node = harness.Node();
            var globals = ContextBuilder.Build(project, new NodeRenderInfo
            {
                UniqueId = $"model.{package}.x", Name = "x", PackageName = package, Phase = RenderPhase.Execute, This = node.This,
            });
            return (string)Invoke(Invoke(Attr(globals["adapter"], "dispatch"), "label"))!;
        }

        // Unqualified, the calling package is searched before the root project: the answer differs per package.
        Assert.That(Label("pkg"), Is.EqualTo("pkg's"));
        Assert.That(Label("shop"), Is.EqualTo("shop's"));
        Assert.That(Label("pkg"), Is.EqualTo("pkg's"));
    }
}
