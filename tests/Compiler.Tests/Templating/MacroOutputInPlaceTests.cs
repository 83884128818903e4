using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>
/// A macro called as a statement (<c>{{ m() }}</c>) writes its output straight into its caller's text: the text, the
/// source map and the errors must be those of a macro that returns its output as a string to be written.
/// </summary>
public sealed class MacroOutputInPlaceTests
{
    private static readonly Dictionary<string, object?> WithReturn = new() { ["return"] = ReturnFunction.Instance };

    [Test]
    public void Text_around_a_macro_written_in_place_maps_to_its_own_position_and_the_output_to_the_call()
    {
        var result = TemplateTestKit.RenderResult("{% macro m() %}in{{ 'side' }}\nbody{% endmacro %}a {{ m() }} b\n{{ m() }}c");

        Assert.That(result.Text, Is.EqualTo("a inside\nbody b\ninside\nbodyc"));
        var body = result.Map.Find(result.Text.IndexOf("side", StringComparison.Ordinal))!.Value;
        Assert.That((body.Line, body.Column, body.Source.Text.Substring(body.Start, body.Length)), Is.EqualTo((2, 24, "m()")));
        var b = result.Map.Find(result.Text.IndexOf(" b", StringComparison.Ordinal) + 1)!.Value;
        Assert.That((b.Line, b.Column, b.Length), Is.EqualTo((2, 31, 1)));
        var c = result.Map.Find(result.Text.Length - 1)!.Value;
        Assert.That((c.Line, c.Column, c.Length), Is.EqualTo((3, 10, 1)));
    }

    [Test]
    public void A_macro_that_returns_drops_what_it_wrote_in_place_and_writes_its_value()
    {
        var text = TemplateTestKit.Render(
            "{% macro early(v) %}junk{{ return(v) }}more{% endmacro %}" +
            "{% macro outer() %}<{{ early('x') }}|{{ early([1, 2]) }}|{{ early(none) }}>{% endmacro %}" +
            "[{{ outer() }}]{{ early('') }}.", WithReturn);

        Assert.That(text, Is.EqualTo("[<x|[1, 2]|None>]."));
    }

    [Test]
    public void A_macro_that_writes_nothing_leaves_the_map_of_the_text_after_it_alone()
    {
        var result = TemplateTestKit.RenderResult("{% macro empty() %}{% endmacro %}x{{ empty() }}y");

        Assert.That(result.Text, Is.EqualTo("xy"));
        var y = result.Map.Find(1)!.Value;
        Assert.That((y.Column, y.Length, y.Source.Text[y.Start]), Is.EqualTo((48, 1, 'y')));
    }

    [Test]
    public void A_macro_that_fails_midway_names_itself_and_leaves_no_text_to_the_next_render()
    {
        var error = TemplateTestKit.RenderError("{% macro m() %}half{{ 1 // 0 }}{% endmacro %}before {{ m() }} after");
        Assert.That(error.Frames.Select(f => f.Description), Does.Contain("macro 'm'"));

        Assert.That(TemplateTestKit.Render("{% macro n() %}n{% endmacro %}fresh {{ n() }}"), Is.EqualTo("fresh n"));
    }

    [Test]
    public void Loops_and_caller_blocks_inside_a_macro_written_in_place_keep_their_text()
    {
        var text = TemplateTestKit.Render(
            "{% macro item(i) %}<{{ i }}>{% endmacro %}" +
            "{% macro wrap() %}({{ caller() }}){% endmacro %}" +
            "{% macro all(xs) %}{% for x in xs %}{{ item(x) }}{% if not loop.last %},{% endif %}{% endfor %}{% endmacro %}" +
            "{{ all([1, 2, 3]) }} {% call wrap() %}{{ all(['a']) }}{% endcall %} {{ all([]) }}end");

        Assert.That(text, Is.EqualTo("<1>,<2>,<3> (<a>) end"));
    }
}
