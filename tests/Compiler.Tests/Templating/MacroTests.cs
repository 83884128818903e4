using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

public sealed class MacroTests
{
    /// <summary>dbt's return(): a context function that throws MacroReturn.</summary>
    private static readonly Dictionary<string, object?> WithReturn = new()
    {
        ["return"] = new TemplateFunction("return", args => throw new MacroReturn(args.Get(0, "value"))),
    };

    [Test]
    public void Return_gives_the_macro_a_value_instead_of_text()
    {
        var text = TemplateTestKit.Render(
            "{% macro cols() %}ignored {{ return(['a', 'b']) }} never{% endmacro %}{{ cols()|join(', ') }}|{{ cols() is string }}", WithReturn);
        Assert.That(text, Is.EqualTo("a, b|False"));
    }

    [Test]
    public void Many_parameters_and_loop_variables_keep_their_values_and_each_iteration_starts_empty()
    {
        // More names than a scope keeps in its short array: it moves them to a dictionary. Expected output from Jinja2 3.1.6.
        var text = TemplateTestKit.Render(
            "{% macro m(a, b, c, d, e, f, g, h, i, j=a ~ b) %}{% set a = a ~ '!' %}{% set k = 11 %}{{ a }}{{ b }}{{ c }}{{ d }}{{ e }}{{ f }}{{ g }}{{ h }}{{ i }}{{ j }}{{ k }}{% endmacro %}" +
            "{{ m(1, 2, 3, 4, 5, 6, 7, 8, i=9) }}|" +
            "{% for x in [1, 2, 3] %}{% if x == 1 %}{% set s1 = 1 %}{% set s2 = 2 %}{% set s3 = 3 %}{% set s4 = 4 %}{% set s5 = 5 %}{% set s6 = 6 %}{% set s7 = 7 %}{% set s8 = 8 %}{% set s9 = 9 %}{% set s1 = 10 %}{% endif %}" +
            "{{ s1 is defined }}{{ s9 is defined }}{% if x == 1 %}{{ s1 }}{{ s9 }}{% endif %};{% endfor %}");
        Assert.That(text, Is.EqualTo("1!234567891211|TrueTrue109;FalseFalse;FalseFalse;"));
    }

    [Test]
    public void Return_unwinds_only_the_innermost_macro()
    {
        var text = TemplateTestKit.Render(
            "{% macro inner() %}{% do return(1) %}{% endmacro %}{% macro outer() %}{% set x = inner() %}{{ return(x + 1) }}{% endmacro %}{{ outer() }}", WithReturn);
        Assert.That(text, Is.EqualTo("2"));
    }

    [Test]
    public void Return_from_inside_a_loop_stops_the_loop()
    {
        var text = TemplateTestKit.Render(
            "{% macro find(xs) %}{% for x in xs %}{% if x > 2 %}{{ return(x) }}{% endif %}{% endfor %}{{ return(none) }}{% endmacro %}{{ find([1, 3, 5]) }}", WithReturn);
        Assert.That(text, Is.EqualTo("3"));
    }

    [Test]
    public void Return_outside_a_macro_is_an_error_at_the_call()
    {
        var error = TemplateTestKit.RenderError("x {{ return(1) }}", WithReturn);
        Assert.That(error.Code, Is.EqualTo("MF2108"));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo("1:6"));
    }

    [Test]
    public void Errors_inside_macros_carry_frames_outermost_first()
    {
        const string text = "{% macro inner(x) %}\n{{ x.missing.y }}\n{% endmacro %}\n{% macro outer() %}{{ inner({}) }}{% endmacro %}\n{{ outer() }}";
        var error = TemplateTestKit.RenderError(text);
        Assert.That(error.Message, Is.EqualTo("'dict object' has no attribute 'missing'"));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo("2:4"));
        Assert.That(error.Frames.Select(f => $"{f.Description}@{f.Span.Line}:{f.Span.Column}"),
            Is.EqualTo(new[] { "macro 'outer'@5:4", "macro 'inner'@4:23" }));
    }

    [Test]
    public void Macros_see_globals_and_template_variables_but_not_caller_locals()
    {
        var globals = new Dictionary<string, object?> { ["g"] = "global" };
        var text = TemplateTestKit.Render(
            "{% set top = 'top' %}{% macro m() %}{{ g }} {{ top }} {{ local is defined }}{% endmacro %}{% for local in [1] %}{{ m() }}{% endfor %}", globals);
        Assert.That(text, Is.EqualTo("global top False"));
    }

    [Test]
    public void Template_exposes_its_macros_with_parameters()
    {
        var template = TemplateTestKit.Parse("{% macro cents_to_dollars(column, scale=2) %}({{ column }} / 100)::numeric(16, {{ scale }}){% endmacro %}");
        var macro = template.Macros["cents_to_dollars"];
        Assert.That(macro.Name, Is.EqualTo("cents_to_dollars"));
        Assert.That(macro.Parameters, Is.EqualTo(new[] { "column", "scale" }));
        Assert.That(macro.Span.Line, Is.EqualTo(1));
    }

    [Test]
    public void Bound_macro_can_be_called_by_the_host_with_keywords()
    {
        var template = TemplateTestKit.Parse("{% macro helper() %}H{% endmacro %}{% macro m(column, scale=2) %}{{ helper() }}{{ column }}/{{ scale }}{{ g }}{% endmacro %}");
        var callable = template.Macros["m"].Bind(new TemplateContext(new Dictionary<string, object?> { ["g"] = "!" }));
        var span = template.Macros["m"].Span;
        var result = callable.Call(new CallArguments(["amount"], [new("scale", 4L)], span));
        Assert.That(result, Is.EqualTo("Hamount/4!"));
    }

    [Test]
    public void RenderMacro_calls_a_macro_by_name()
    {
        var template = TemplateTestKit.Parse("{% macro add(a, b) %}{{ a + b }}{% endmacro %}");
        var result = TemplateTestKit.Engine.RenderMacro(template, "add", new TemplateContext(new Dictionary<string, object?>()), 2L, 3L);
        Assert.That(result, Is.EqualTo("5"));
    }

    [Test]
    public void Macro_can_be_passed_to_a_host_function_and_called_there()
    {
        var globals = new Dictionary<string, object?>
        {
            ["twice"] = new TemplateFunction("twice", args =>
            {
                var callable = (ICallable)args.Positional[0]!;
                var once = callable.Call(new CallArguments([], CallArguments.NoNamed, args.CallSpan));
                return $"{once}{once}";
            }),
        };
        Assert.That(TemplateTestKit.Render("{% macro m() %}ab{% endmacro %}{{ twice(m) }}", globals), Is.EqualTo("abab"));
    }

    [Test]
    public void Host_function_errors_inside_a_macro_get_the_macro_frame()
    {
        var globals = new Dictionary<string, object?>
        {
            ["fail"] = new TemplateFunction("fail", args => throw new DiagnosticException(Diagnostic.Error("MF9999", "host said no", args.CallSpan))),
        };
        var error = TemplateTestKit.RenderError("{% macro m() %}{{ fail() }}{% endmacro %}{{ m() }}", globals);
        Assert.That(error.Message, Is.EqualTo("host said no"));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo("1:19"));
        Assert.That(error.Frames.Single().Description, Is.EqualTo("macro 'm'"));
    }

    [Test]
    public void Caller_body_sees_the_call_site_and_its_arguments()
    {
        var text = TemplateTestKit.Render(
            "{% macro wrap(tag) %}<{{ tag }}>{{ caller(tag|upper) }}</{{ tag }}>{% endmacro %}{% set who = 'w' %}{% call(t) wrap('b') %}{{ who }}{{ t }}{% endcall %}");
        Assert.That(text, Is.EqualTo("<b>wB</b>"));
    }

    [Test]
    public void Dbt_test_block_registers_test_macro()
    {
        var template = TemplateTestKit.Parse("{% test not_null(model, column_name) %}select * from {{ model }} where {{ column_name }} is null{% endtest %}");
        var result = template.Macros["test_not_null"].Bind(new TemplateContext(new Dictionary<string, object?>()))
            .Call(new CallArguments([], [new("model", "orders"), new("column_name", "id")], template.Macros["test_not_null"].Span));
        Assert.That(result, Is.EqualTo("select * from orders where id is null"));
    }

    [Test]
    public void Dbt_data_test_block_is_the_1_8_spelling_of_a_test_block()
    {
        var template = TemplateTestKit.Parse("{% data_test positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% enddata_test %}");
        var result = template.Macros["test_positive"].Bind(new TemplateContext(new Dictionary<string, object?>()))
            .Call(new CallArguments([], [new("model", "orders"), new("column_name", "id")], template.Macros["test_positive"].Span));
        Assert.That(result, Is.EqualTo("select * from orders where id <= 0"));
    }
}
