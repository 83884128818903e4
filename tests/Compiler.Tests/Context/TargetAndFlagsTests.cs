using NUnit.Framework;
using ModelForge.Compiler.Templating.Runtime;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class TargetAndFlagsTests
{
    [Test]
    public void Target_exposes_the_target_but_never_secrets()
    {
        var target = new ContextHarness().Global("target");
        Assert.Multiple(() =>
        {
            Assert.That(Attr(target, "name"), Is.EqualTo("dev"));
            Assert.That(Attr(target, "type"), Is.EqualTo("duckdb"));
            Assert.That(Attr(target, "schema"), Is.EqualTo("analytics"));
            Assert.That(Attr(target, "database"), Is.EqualTo("warehouse"));
            Assert.That(Attr(target, "threads"), Is.EqualTo(4L));
            Assert.That(Attr(target, "profile_name"), Is.EqualTo("shop"));
            Assert.That(Attr(target, "path"), Is.EqualTo("dev.duckdb"));
            Assert.That(((ITemplateObject)target!).TryGetAttribute("password", out _), Is.False);
            Assert.That(((ITemplateObject)target!).TryGetAttribute("client_secret", out _), Is.False);
        });
    }

    [Test]
    public void Flags_graph_model_and_invocation()
    {
        var harness = new ContextHarness { FullRefresh = true };
        Assert.That(Attr(harness.Global("flags"), "FULL_REFRESH"), Is.True);
        Assert.That(Attr(harness.Global("flags"), "WHICH"), Is.EqualTo("run"));
        var graph = (IReadOnlyDictionary<string, object?>)harness.Global("graph")!;
        Assert.That(((IReadOnlyDictionary<string, object?>)graph["nodes"]!).ContainsKey("model.shop.orders"), Is.True);
        var model = (IReadOnlyDictionary<string, object?>)harness.Global("model")!;
        Assert.That(model["unique_id"], Is.EqualTo("model.shop.orders"));
        Assert.That(harness.Global("invocation_id"), Is.EqualTo("inv-1"));
        Assert.That(harness.Global("project_name"), Is.EqualTo("shop"));
    }
}
