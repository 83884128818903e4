using NUnit.Framework;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class ConfigTests
{
    [Test]
    public void Config_records_keyword_arguments_into_the_node_config_and_renders_nothing()
    {
        var harness = new ContextHarness();
        var result = harness.CallNamed("config", [], ("materialized", "table"), ("schema", "marts"));
        Assert.That(result, Is.EqualTo(""));
        Assert.That(harness.Config["materialized"], Is.EqualTo("table"));
        Assert.That(harness.Config["schema"], Is.EqualTo("marts"));
    }

    [Test]
    public void Config_accepts_a_dict()
    {
        var harness = new ContextHarness();
        harness.Call("config", new Dictionary<string, object?> { ["materialized"] = "incremental" });
        Assert.That(harness.Config["materialized"], Is.EqualTo("incremental"));
    }

    [Test]
    public void Config_with_a_string_argument_points_at_the_call()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("config", "table"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2505"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
    }

    [Test]
    public void Tags_and_hooks_accumulate_and_recording_twice_changes_nothing()
    {
        var harness = new ContextHarness();
        harness.Config["tags"] = new List<object?> { "nightly" };
        harness.CallNamed("config", [], ("tags", "finance"), ("post_hook", "grant select on {{ this }} to r"));
        harness.CallNamed("config", [], ("tags", "finance"), ("post_hook", "grant select on {{ this }} to r"));
        Assert.That(harness.Config["tags"], Is.EqualTo(new[] { "nightly", "finance" }));
        Assert.That(harness.Config["post-hook"], Is.EqualTo(new[] { "grant select on {{ this }} to r" }));
    }

    [Test]
    public void Meta_dicts_are_merged()
    {
        var harness = new ContextHarness();
        harness.Config["meta"] = new Dictionary<string, object?> { ["owner"] = "ana" };
        harness.CallNamed("config", [], ("meta", new Dictionary<string, object?> { ["tier"] = 1L }));
        Assert.That(harness.Config["meta"], Is.EqualTo(new Dictionary<string, object?> { ["owner"] = "ana", ["tier"] = 1L }));
    }

    [Test]
    public void Config_get_reads_the_config_or_the_default()
    {
        var harness = new ContextHarness();
        var get = Attr(harness.Global("config"), "get");
        Assert.That(Invoke(get, "materialized"), Is.EqualTo("view"));
        Assert.That(Invoke(get, "unique_key", "id"), Is.EqualTo("id"));
        Assert.That(Invoke(get, "unique_key"), Is.Null);
    }

    [Test]
    public void Config_get_sees_values_recorded_earlier_in_the_same_render()
    {
        var harness = new ContextHarness();
        var globals = harness.Globals();
        Invoke(globals["config"], []);
        InvokeNamed(globals["config"], [], ("unique_key", "order_id"));
        Assert.That(Invoke(Attr(globals["config"], "get"), "unique_key"), Is.EqualTo("order_id"));
    }

    [Test]
    public void Config_require_fails_for_a_missing_key_naming_the_model()
    {
        var harness = new ContextHarness();
        var require = Attr(harness.Global("config"), "require");
        Assert.That(Invoke(require, "materialized"), Is.EqualTo("view"));
        var diagnostic = Fails(() => Invoke(require, "unique_key"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2506"));
        Assert.That(diagnostic.Message, Is.EqualTo("Missing required config 'unique_key' in model 'orders'"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
    }
}
