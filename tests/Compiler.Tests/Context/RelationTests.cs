using NUnit.Framework;
using ModelForge.Compiler.Context;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class RelationTests
{
    private static Relation Orders(RelationQuoting quoting) => new("warehouse", "analytics", "orders", RelationType.Table, quoting);

    [Test]
    public void DuckDb_relation_renders_database_schema_and_name_in_double_quotes() =>
        Assert.That(Orders(RelationQuoting.DuckDb).ToString(), Is.EqualTo("\"warehouse\".\"analytics\".\"orders\""));

    [Test]
    public void SqlServer_relation_renders_in_brackets_with_its_database() =>
        Assert.That(Orders(RelationQuoting.SqlServer).ToString(), Is.EqualTo("[warehouse].[analytics].[orders]"));

    [Test]
    public void Database_is_left_out_when_the_include_policy_says_so() =>
        Assert.That(Orders(RelationQuoting.SqlServer with { IncludeDatabase = false }).Render(), Is.EqualTo("[analytics].[orders]"));

    [Test]
    public void Unquoted_parts_follow_the_quoting_config() =>
        Assert.That(Orders(RelationQuoting.DuckDb with { QuoteSchema = false }).Render(), Is.EqualTo("\"warehouse\".analytics.\"orders\""));

    [Test]
    public void Closing_quote_inside_a_name_is_doubled()
    {
        var relation = new Relation(null, "s", "we]ird", null, RelationQuoting.SqlServer);
        Assert.That(relation.Render(), Is.EqualTo("[s].[we]]ird]"));
    }

    [Test]
    public void A_relation_written_into_a_render_is_its_rendered_text_mapped_to_the_expression()
    {
        var relations = new[]
        {
            Orders(RelationQuoting.DuckDb),
            Orders(RelationQuoting.SqlServer with { IncludeDatabase = false, QuoteSchema = false }),
            new Relation(null, "s", "we]ird", null, RelationQuoting.SqlServer),
            Orders(RelationQuoting.DuckDb) with { IncludeSchema = false },
            Orders(RelationQuoting.DuckDb) with { IncludeIdentifier = false, IncludeSchema = false, Database = null },
            Orders(RelationQuoting.DuckDb) with { EmptyForm = "(select * from x where false) _e" },
            Orders(RelationQuoting.DuckDb) with { EventTimeFilter = "ts >= '2024-01-01'" },
            Orders(RelationQuoting.DuckDb) with { External = "read_parquet('x.parquet')" },
        };
        foreach (var relation in relations)
        {
            var result = Tests.Templating.TemplateTestKit.RenderResult("from {{ r }} as t", new Dictionary<string, object?> { ["r"] = relation });
            Assert.That(result.Text, Is.EqualTo($"from {relation.Render()} as t"));
            if (relation.Render().Length == 0) continue;
            var span = result.Map.Find(5 + relation.Render().Length - 1)!.Value;
            Assert.That(span.Source.Text.Substring(span.Start, span.Length), Is.EqualTo("r"));
            var after = result.Map.Find(5 + relation.Render().Length + 1)!.Value;
            Assert.That(after.Source.Text[after.Start], Is.EqualTo('a'));
        }
    }

    [Test]
    public void Attributes_are_those_dbt_code_reads()
    {
        var relation = Orders(RelationQuoting.DuckDb);
        Assert.Multiple(() =>
        {
            Assert.That(Attr(relation, "database"), Is.EqualTo("warehouse"));
            Assert.That(Attr(relation, "schema"), Is.EqualTo("analytics"));
            Assert.That(Attr(relation, "identifier"), Is.EqualTo("orders"));
            Assert.That(Attr(relation, "name"), Is.EqualTo("orders"));
            Assert.That(Attr(relation, "table"), Is.EqualTo("orders"));
            Assert.That(Attr(relation, "type"), Is.EqualTo("table"));
            Assert.That(Attr(relation, "is_table"), Is.True);
            Assert.That(Attr(relation, "is_view"), Is.False);
            Assert.That(CallMethod(relation, "render"), Is.EqualTo("\"warehouse\".\"analytics\".\"orders\""));
        });
    }

    [Test]
    public void Include_drops_parts_from_the_rendered_name()
    {
        var relation = Orders(RelationQuoting.DuckDb with { IncludeDatabase = true });
        var withoutSchema = InvokeNamed(Attr(relation, "include"), [], ("schema", false));
        var withoutDatabase = InvokeNamed(Attr(relation, "include"), [], ("database", false));
        Assert.That(withoutSchema!.ToString(), Is.EqualTo("\"warehouse\".\"orders\""));
        Assert.That(withoutDatabase!.ToString(), Is.EqualTo("\"analytics\".\"orders\""));
    }

    [Test]
    public void Incorporate_replaces_path_parts_and_type()
    {
        var relation = Orders(RelationQuoting.DuckDb);
        var path = new Dictionary<string, object?> { ["identifier"] = "orders__dbt_tmp" };
        var result = (Relation)InvokeNamed(Attr(relation, "incorporate"), [], ("path", path), ("type", "view"))!;
        Assert.That(result.Render(), Is.EqualTo("\"warehouse\".\"analytics\".\"orders__dbt_tmp\""));
        Assert.That(result.Type, Is.EqualTo("view"));
    }

    [Test]
    public void Incorporate_with_an_unknown_type_points_at_the_call()
    {
        var relation = Orders(RelationQuoting.DuckDb);
        var diagnostic = Fails(() => InvokeNamed(Attr(relation, "incorporate"), [], ("type", "tabel")));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2513"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
    }

    [Test]
    public void Quote_turns_quoting_off_per_part()
    {
        var relation = Orders(RelationQuoting.DuckDb);
        var result = InvokeNamed(Attr(relation, "quote"), [], ("identifier", false));
        Assert.That(result!.ToString(), Is.EqualTo("\"warehouse\".\"analytics\".orders"));
    }

    [Test]
    public void Api_relation_create_builds_a_relation_with_the_target_quoting()
    {
        var harness = new ContextHarness { Target = new TargetInfo("prod", "sqlserver", "dbo") };
        var create = Attr(Attr(harness.Global("api"), "Relation"), "create");
        var relation = (Relation)InvokeNamed(create, [], ("schema", "dbo"), ("identifier", "orders"), ("type", "table"))!;
        Assert.That(relation.Render(), Is.EqualTo("[dbo].[orders]"));
        Assert.That(relation.IsTable, Is.True);
    }

    [Test]
    public void Relations_with_the_same_parts_are_equal() =>
        Assert.That(Orders(RelationQuoting.DuckDb), Is.EqualTo(Orders(RelationQuoting.DuckDb)));
}
