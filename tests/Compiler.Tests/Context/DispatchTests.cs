using NUnit.Framework;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class DispatchTests
{
    private static object? Dispatch(ContextHarness harness, string name, string? ns = null)
    {
        var dispatch = Attr(harness.Global("adapter"), "dispatch");
        var macro = ns is null ? Invoke(dispatch, name) : Invoke(dispatch, name, ns);
        return Invoke(macro);
    }

    [Test]
    public void Dispatch_prefers_the_target_implementation()
    {
        var harness = new ContextHarness();
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("default__concat", "builtin default"));
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("duckdb__concat", "builtin duckdb"));
        Assert.That(Dispatch(harness, "concat"), Is.EqualTo("builtin duckdb"));
    }

    [Test]
    public void Dispatch_falls_back_to_default()
    {
        var harness = new ContextHarness();
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("default__concat", "builtin default"));
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("sqlserver__concat", "builtin sqlserver"));
        Assert.That(Dispatch(harness, "concat"), Is.EqualTo("builtin default"));
    }

    [Test]
    public void A_project_macro_overrides_a_builtin_of_the_same_name()
    {
        var harness = new ContextHarness();
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("default__concat", "builtin default"));
        harness.Macros.Add("shop", new FakeMacro("default__concat", "project default"));
        Assert.That(Dispatch(harness, "concat"), Is.EqualTo("project default"));
        Assert.That(Dispatch(harness, "concat", "dbt"), Is.EqualTo("project default"));
    }

    [Test]
    public void Target_prefix_beats_default_across_packages_in_the_same_search_step()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro("default__concat", "project default"));
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("duckdb__concat", "builtin duckdb"));
        // Global lookup tries duckdb__concat everywhere before default__concat, as dbt's None package does.
        Assert.That(Dispatch(harness, "concat"), Is.EqualTo("builtin duckdb"));
        // With a namespace, the root project is searched first with every prefix.
        Assert.That(Dispatch(harness, "concat", "dbt"), Is.EqualTo("project default"));
    }

    [Test]
    public void Namespace_searches_the_root_project_then_the_package()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("dbt_utils", new FakeMacro("default__star", "utils star"));
        Assert.That(Dispatch(harness, "star", "dbt_utils"), Is.EqualTo("utils star"));
        harness.Macros.Add("shop", new FakeMacro("default__star", "shop star"));
        Assert.That(Dispatch(harness, "star", "dbt_utils"), Is.EqualTo("shop star"));
    }

    [Test]
    public void Project_dispatch_config_sets_the_search_order()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("dbt_utils", new FakeMacro("default__star", "utils star"));
        harness.Macros.Add("spark_utils", new FakeMacro("default__star", "spark star"));
        harness.DispatchSearchOrder["dbt_utils"] = ["spark_utils", "dbt_utils"];
        Assert.That(Dispatch(harness, "star", "dbt_utils"), Is.EqualTo("spark star"));
    }

    [Test]
    public void Missing_dispatch_target_lists_what_was_looked_for()
    {
        var harness = new ContextHarness();
        var diagnostic = Fails(() => Dispatch(harness, "concat"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2507"));
        Assert.That(diagnostic.Message, Is.EqualTo("No macro to dispatch 'concat' to: looked for 'duckdb__concat', 'default__concat'"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
    }

    [Test]
    public void Dispatched_macros_are_bound_to_a_context_with_the_same_globals()
    {
        var harness = new ContextHarness();
        var macro = new FakeMacro("default__where", (context, _) => context.Globals["this"]!.ToString());
        harness.Macros.Add("shop", macro);
        Assert.That(Dispatch(harness, "where"), Is.EqualTo("\"warehouse\".\"analytics\".\"orders\""));
    }

    [Test]
    public void Macros_are_globals_and_can_call_each_other()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro("inner", "inner result"));
        harness.Macros.Add("shop", new FakeMacro("outer", (context, _) => "outer(" + Invoke(context.Globals["inner"]) + ")"));
        Assert.That(harness.Call("outer"), Is.EqualTo("outer(inner result)"));
    }

    [Test]
    public void A_macro_is_bound_once_per_render()
    {
        var harness = new ContextHarness();
        var macro = new FakeMacro("m", "x");
        harness.Macros.Add("shop", macro);
        var globals = harness.Globals();
        _ = globals["m"];
        _ = globals["m"];
        Assert.That(macro.BoundTo, Has.Count.EqualTo(1));
    }

    [Test]
    public void Package_macros_see_their_own_package_first()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro("helper", "shop helper"));
        harness.Macros.Add("dbt_utils", new FakeMacro("helper", "utils helper"));
        harness.Macros.Add("dbt_utils", new FakeMacro("star", (context, _) => Invoke(context.Globals["helper"])));
        var utils = harness.Global("dbt_utils");
        Assert.That(Invoke(Attr(utils, "star")), Is.EqualTo("utils helper"));
        Assert.That(harness.Call("helper"), Is.EqualTo("shop helper"));
    }

    [Test]
    public void Builtin_macros_are_reachable_through_the_dbt_namespace()
    {
        var harness = new ContextHarness();
        harness.Macros.Add(MacroRegistry.BuiltinPackage, new FakeMacro("generate_schema_name", "builtin"));
        harness.Macros.Add("shop", new FakeMacro("generate_schema_name", "custom"));
        Assert.That(harness.Call("generate_schema_name"), Is.EqualTo("custom"));
        Assert.That(Invoke(Attr(harness.Global("dbt"), "generate_schema_name")), Is.EqualTo("builtin"));
    }

    [Test]
    public void Return_unwinds_with_the_value()
    {
        var exception = Assert.Throws<MacroReturn>(() => new ContextHarness().Call("return", 42L))!;
        Assert.That(exception.Value, Is.EqualTo(42L));
    }

    [Test]
    public void Context_is_a_template_context_over_the_globals()
    {
        var harness = new ContextHarness();
        TemplateContext context = ContextBuilder.CreateContext(harness.Project(), harness.Node());
        Assert.That(context.Globals.ContainsKey("ref"), Is.True);
        Assert.That(context.Globals.ContainsKey("no_such_name"), Is.False);
    }
}
