using System.Numerics;
using NUnit.Framework;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

public sealed class RuntimeGlobalsTests
{
    private static RenderHarness WithCustomers()
    {
        var harness = new RenderHarness();
        harness.Context.Adapter = new FakeAdapter();
        harness.Context.Adapter.Relations["analytics.customers"] = new Relation(null, "analytics", "customers", RelationType.Table, RelationQuoting.DuckDb);
        return harness;
    }

    [Test]
    public void Load_relation_answers_the_existing_relation_or_none()
    {
        var text = WithCustomers().Render(
            "{{ load_relation(api.Relation.create(schema='analytics', identifier='customers')).type }} " +
            "{{ load_cached_relation(api.Relation.create(schema='analytics', identifier='nope')) is none }}");
        Assert.That(text, Is.EqualTo("table True"));
    }

    [Test]
    public void Without_a_database_lookups_answer_none_and_empty() =>
        Assert.That(new RenderHarness().Render(
            "{{ load_relation(ref('x')) is none }} {{ adapter.get_relation(database=none, schema='a', identifier='b') is none }} {{ adapter.get_columns_in_relation(ref('x')) | length }}"),
            Is.EqualTo("True True 0"));

    [Test]
    public void Drop_relation_runs_only_while_executing()
    {
        var harness = WithCustomers();
        harness.Render("{% do adapter.drop_relation(api.Relation.create(schema='analytics', identifier='customers')) %}");
        Assert.That(harness.Context.Adapter!.Statements, Is.EqualTo(new[] { "drop \"analytics\".\"customers\"" }));

        var parsing = WithCustomers();
        parsing.Context.Phase = RenderPhase.Parse;
        parsing.Render("{% do adapter.drop_relation(api.Relation.create(schema='analytics', identifier='customers')) %}");
        Assert.That(parsing.Context.Adapter!.Statements, Is.Empty);
    }

    [Test]
    public void Rename_relation_passes_both_relations() 
    {
        var harness = WithCustomers();
        harness.Render("{% set r = api.Relation.create(schema='analytics', identifier='customers') %}{% do adapter.rename_relation(r, r.incorporate(path={'identifier': 'old'})) %}");
        Assert.That(harness.Context.Adapter!.Statements, Is.EqualTo(new[] { "rename \"analytics\".\"customers\" to old" }));
    }

    [Test]
    public void Get_missing_columns_lists_the_source_columns_the_target_lacks()
    {
        var harness = WithCustomers();
        var text = harness.Render("{{ adapter.get_missing_columns(api.Relation.create(schema='analytics', identifier='customers'), api.Relation.create(schema='analytics', identifier='none')) | map(attribute='name') | join(',') }}");
        Assert.That(text, Is.EqualTo("id,name"));
    }

    [Test]
    public void A_non_relation_argument_is_reported_at_the_call()
    {
        var diagnostic = WithCustomers().Fails("{{ adapter.drop_relation('analytics.customers') }}");
        Assert.That(diagnostic.Code, Is.EqualTo("MF2505"));
        Assert.That(diagnostic.Message, Does.Contain("a relation"));
    }

    [Test]
    public void Should_store_failures_follows_the_config_then_the_flag()
    {
        var harness = new RenderHarness();
        Assert.That(harness.Render("{{ should_store_failures() }}"), Is.EqualTo("False"));
        harness.Context.Config["store_failures"] = true;
        Assert.That(harness.Render("{{ should_store_failures() }}"), Is.EqualTo("True"));
    }

    [Test]
    public void Print_table_writes_the_rows_as_a_print_message()
    {
        var harness = WithCustomers();
        harness.Context.Adapter!.NextResult = new QueryResult(["n", "label"], [[1L, "a"], [22L, "bb"]]);
        harness.Render("{% set t = run_query('select 1') %}{% do t.print_table() %}");
        var printed = harness.Context.Messages.Single(m => m.Kind == ContextMessageKind.Print).Text;
        Assert.That(printed, Is.EqualTo("| n  | label |\n| -- | ----- |\n| 1  | a     |\n| 22 | bb    |"));
    }

    [Test]
    public void Wide_integers_become_exact_decimals_when_they_do_not_fit_a_long()
    {
        var big = BigInteger.Parse("123456789012345678901234");
        Assert.That(TemplateValues.FromDotNet(big), Is.EqualTo(123456789012345678901234m));
        Assert.That(TemplateValues.FromDotNet((Int128)42), Is.EqualTo(42L));
        Assert.That(TemplateValues.FromDotNet(Int128.Parse("-99999999999999999999")), Is.EqualTo(-99999999999999999999m));
    }
}
