using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class SourceMapTests
{
    [Test]
    public void Literal_text_maps_character_for_character()
    {
        var result = TemplateTestKit.RenderResult("select a,\n  b\nfrom t");
        var span = result.Map.Find(result.Text.IndexOf('b'))!.Value;
        Assert.That((span.Line, span.Column, span.Length), Is.EqualTo((2, 3, 1)));
    }

    [Test]
    public void Expression_output_maps_to_the_expression()
    {
        var result = TemplateTestKit.RenderResult("select *\nfrom {{ schema ~ '.orders' }} where 1", new Dictionary<string, object?> { ["schema"] = "main" });
        var offset = result.Text.IndexOf("orders", StringComparison.Ordinal);
        var span = result.Map.Find(offset)!.Value;
        Assert.That((span.Line, span.Column), Is.EqualTo((2, 9)));
        Assert.That(span.Source.Text.Substring(span.Start, span.Length), Is.EqualTo("schema ~ '.orders'"));
        var after = result.Map.Find(result.Text.IndexOf("where", StringComparison.Ordinal))!.Value;
        Assert.That((after.Line, after.Column), Is.EqualTo((2, 31)));
    }

    [Test]
    public void Text_after_loops_and_whitespace_control_still_maps_to_its_line()
    {
        const string template = "select\n{%- for c in ['a', 'b'] %}\n  {{ c }},\n{%- endfor %}\n  x\nfrom t";
        var result = TemplateTestKit.RenderResult(template, new Dictionary<string, object?>());
        Assert.That(result.Text, Is.EqualTo("select\n  a,\n  b,\n  x\nfrom t"));
        var b = result.Map.Find(result.Text.IndexOf('b'))!.Value;
        Assert.That((b.Line, b.Column), Is.EqualTo((3, 6)));
        var from = result.Map.Find(result.Text.IndexOf("from", StringComparison.Ordinal))!.Value;
        Assert.That((from.Line, from.Column), Is.EqualTo((6, 1)));
    }

    [Test]
    public void Macro_output_maps_to_the_call()
    {
        var result = TemplateTestKit.RenderResult("{% macro m() %}\nlong body\n{% endmacro %}x {{ m() }}");
        var span = result.Map.Find(result.Text.IndexOf("body", StringComparison.Ordinal))!.Value;
        Assert.That((span.Line, span.Column), Is.EqualTo((3, 20)));
    }

    [Test]
    public void Offsets_outside_the_output_map_to_nothing()
    {
        var result = TemplateTestKit.RenderResult("abc");
        Assert.That(result.Map.Find(3), Is.Null);
        Assert.That(result.Map.Find(-1), Is.Null);
    }
}
