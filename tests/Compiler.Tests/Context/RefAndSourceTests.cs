using NUnit.Framework;
using ModelForge.Compiler.Context;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class RefAndSourceTests
{
    [Test]
    public void Ref_returns_the_resolved_relation_and_tells_the_resolver_where_it_was_called()
    {
        var harness = new ContextHarness();
        var relation = harness.Call("ref", "stg_orders");
        Assert.That(relation!.ToString(), Is.EqualTo("\"warehouse\".\"analytics\".\"stg_orders\""));
        Assert.That(harness.Resolver.Calls, Is.EqualTo(new[] { "ref - stg_orders - from model.shop.orders at models/orders.sql:2:6" }));
    }

    [Test]
    public void Two_argument_ref_names_the_package()
    {
        var harness = new ContextHarness();
        harness.Call("ref", "jaffle", "customers");
        Assert.That(harness.Resolver.Calls[0], Does.StartWith("ref jaffle customers -"));
    }

    [TestCase("version")]
    [TestCase("v")]
    public void Ref_takes_a_version_keyword(string keyword)
    {
        var harness = new ContextHarness();
        harness.CallNamed("ref", ["customers"], (keyword, 2L));
        Assert.That(harness.Resolver.Calls[0], Does.StartWith("ref - customers 2 "));
    }

    [Test]
    public void Ref_without_a_name_points_at_the_call()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("ref"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2505"));
        Assert.That(diagnostic.Message, Is.EqualTo("ref() is missing its argument 'name'"));
        Assert.That(diagnostic.Span!.Value.ToString(), Is.EqualTo("models/orders.sql:2:6"));
        Assert.That(diagnostic.Hint, Does.Contain("ref('model')"));
    }

    [Test]
    public void Ref_with_a_number_says_what_it_got()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("ref", 3L));
        Assert.That(diagnostic.Message, Is.EqualTo("ref() expects 'name' to be a string, got the integer 3"));
    }

    [Test]
    public void Unknown_ref_error_from_the_resolver_passes_through()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("ref", "missing"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF3001"));
    }

    [Test]
    public void Source_resolves_source_and_table()
    {
        var harness = new ContextHarness();
        var relation = harness.Call("source", "raw", "payments");
        Assert.That(relation!.ToString(), Is.EqualTo("\"warehouse\".\"raw\".\"payments\""));
        Assert.That(harness.Resolver.Calls[0], Is.EqualTo("source raw payments at models/orders.sql:2:6"));
    }

    [Test]
    public void Source_needs_a_table_name()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("source", "raw"));
        Assert.That(diagnostic.Message, Is.EqualTo("source() is missing its argument 'table_name'"));
    }

    [Test]
    public void This_is_the_node_relation_and_schema_and_database_follow_it()
    {
        var harness = new ContextHarness();
        Assert.That(harness.Global("this")!.ToString(), Is.EqualTo("\"warehouse\".\"analytics\".\"orders\""));
        Assert.That(harness.Global("schema"), Is.EqualTo("analytics"));
        Assert.That(harness.Global("database"), Is.EqualTo("warehouse"));
    }

    [Test]
    public void A_project_ref_macro_replaces_ref_and_builtins_ref_stays_reachable()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro("ref", (context, args) =>
            "custom " + Invoke(Attr(context.Globals["builtins"], "ref"), args.Positional.ToArray())));
        Assert.That(harness.Call("ref", "stg_orders"), Is.EqualTo("custom \"warehouse\".\"analytics\".\"stg_orders\""));
    }
}
