using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>
/// Macro calls, caller blocks, set blocks and whole renders write into builders reused per thread:
/// no call may see text another one wrote.
/// </summary>
public sealed class OutputReuseTests
{
    private static readonly Dictionary<string, object?> WithReturn = new() { ["return"] = ReturnFunction.Instance };

    [Test]
    public void A_macro_that_returns_early_leaves_none_of_its_text_to_the_next_call()
    {
        var text = TemplateTestKit.Render(
            "{% macro early() %}partial text{{ return('value') }}{% endmacro %}{% macro plain() %}B{% endmacro %}" +
            "{{ early() }}|{{ plain() }}|{{ early() }}|{{ plain() }}", WithReturn);

        Assert.That(text, Is.EqualTo("value|B|value|B"));
    }

    [Test]
    public void Nested_macros_caller_blocks_and_set_blocks_each_keep_their_own_text()
    {
        var text = TemplateTestKit.Render(
            "{% macro inner(x) %}<{{ x }}>{% endmacro %}" +
            "{% macro outer() %}[{{ inner(1) }}{{ caller() }}{{ inner(2) }}]{% endmacro %}" +
            "{% set block %}{% call outer() %}{{ inner('c') }}{% endcall %}{% endset %}" +
            "{{ block }}/{{ outer() if false else inner(3) }}/{{ block | length }}");

        Assert.That(text, Is.EqualTo("[<1><c><2>]/<3>/11"));
    }

    [Test]
    public void A_render_after_a_failed_one_starts_empty()
    {
        var failing = TemplateTestKit.Parse("{% macro m() %}half{{ 1 // 0 }}{% endmacro %}before {{ m() }}");
        Assert.Throws<Diagnostics.DiagnosticException>(() => TemplateTestKit.Engine.Render(failing, new Compiler.Templating.TemplateContext(new Dictionary<string, object?>())));

        Assert.That(TemplateTestKit.Render("{% macro m() %}ok{% endmacro %}after {{ m() }}"), Is.EqualTo("after ok"));
    }
}
