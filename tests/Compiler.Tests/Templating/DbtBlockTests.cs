using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class DbtBlockTests
{
    private const string Snapshot = "{% snapshot orders_snapshot %}\n{{ config(unique_key='id') }}\nselect * from {{ source }}\n{% endsnapshot %}\n";

    [Test]
    public void Snapshot_block_is_listed_and_renders_as_nothing_in_place()
    {
        var template = TemplateTestKit.Parse("before " + Snapshot + "after");
        var block = template.Blocks.Single();
        Assert.That((block.Kind, block.Name), Is.EqualTo(("snapshot", "orders_snapshot")));
        Assert.That(block.Span.Line, Is.EqualTo(1));
        var text = TemplateTestKit.Engine.Render(template, new TemplateContext(new Dictionary<string, object?>())).Text;
        Assert.That(text, Is.EqualTo("before \nafter"));
    }

    [Test]
    public void Snapshot_body_renders_separately_with_positions_in_the_file()
    {
        var template = TemplateTestKit.Parse(Snapshot);
        var body = template.Blocks[0].Body;
        var globals = new Dictionary<string, object?>
        {
            ["config"] = new ModelForge.Compiler.Templating.Runtime.TemplateFunction("config", _ => ""),
            ["source"] = "raw.orders",
        };
        var result = TemplateTestKit.Engine.Render(body, new TemplateContext(globals));
        Assert.That(result.Text, Is.EqualTo("\n\nselect * from raw.orders\n"));
        Assert.That(result.Map.Find(3)!.Value.Line, Is.EqualTo(3));
        Assert.That(body.Source.Path, Is.EqualTo("models/test.sql"));
    }

    [Test]
    public void Docs_blocks_are_listed_in_file_order()
    {
        var template = TemplateTestKit.Parse("{% docs a %}First{% enddocs %}\n{% docs b %}Second *md*{% enddocs %}");
        Assert.That(template.Blocks.Select(b => $"{b.Kind}:{b.Name}"), Is.EqualTo(new[] { "docs:a", "docs:b" }));
        var text = TemplateTestKit.Engine.Render(template.Blocks[1].Body, new TemplateContext(new Dictionary<string, object?>())).Text;
        Assert.That(text, Is.EqualTo("Second *md*"));
    }

    [Test]
    public void Materialization_and_test_blocks_become_macros()
    {
        var template = TemplateTestKit.Parse(
            "{% materialization incremental, adapter='duckdb' %}m{% endmaterialization %}{% materialization view, default %}{% endmaterialization %}{% test unique(model, column_name) %}t{% endtest %}",
            "macros/blocks.sql");
        Assert.That(template.Macros.Keys, Is.EquivalentTo(new[] { "materialization_incremental_duckdb", "materialization_view_default", "test_unique" }));
        Assert.That(template.Macros["test_unique"].Parameters, Is.EqualTo(new[] { "model", "column_name" }));
    }
}
