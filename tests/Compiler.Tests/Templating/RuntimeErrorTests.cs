using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>Errors that abort a render: code, Python-style message, and the position of the expression.</summary>
public sealed class RuntimeErrorTests
{
    [TestCase("{{ 1 / 0 }}", "MF2103", "division by zero", "1:4")]
    [TestCase("{{ 1 // 0 }}", "MF2103", "integer division or modulo by zero", "1:4")]
    [TestCase("{{ 1.5 % 0 }}", "MF2103", "float modulo", "1:4")]
    [TestCase("{{ 1 + 'a' }}", "MF2104", "unsupported operand type(s) for +: 'int' and 'str'", "1:4")]
    [TestCase("x\n{{ 'a' - 1 }}", "MF2104", "unsupported operand type(s) for -: 'str' and 'int'", "2:4")]
    [TestCase("{{ [1] < 'a' }}", "MF2104", "'<' not supported between instances of 'list' and 'str'", "1:4")]
    [TestCase("{{ 5 in 'abc' }}", "MF2104", "'in <string>' requires string as left operand, not int", "1:4")]
    [TestCase("{{ -'a' }}", "MF2104", "bad operand type for unary -: 'str'", "1:4")]
    [TestCase("{% for x in 5 %}{% endfor %}", "MF2104", "'int' object is not iterable", "1:13")]
    [TestCase("{{ none() }}", "MF2105", "'NoneType' object is not callable", "1:4")]
    [TestCase("{% set s = 'x' %}{{ s() }}", "MF2105", "'str' object is not callable", "1:21")]
    [TestCase("{% macro m(a) %}{% endmacro %}{{ m(1, b=2) }}", "MF2102", "macro 'm' takes no keyword argument 'b'", "1:34")]
    [TestCase("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", "MF2102", "macro 'm' takes not more than 1 argument(s)", "1:34")]
    [TestCase("{% macro m(a) %}{% endmacro %}{{ m(1, a=2) }}", "MF2102", "macro 'm' got multiple values for argument 'a'", "1:34")]
    [TestCase("{{ 'x'|replace('a') }}", "MF2102", "filter 'replace' is missing the required argument 'new'", "1:4")]
    [TestCase("{{ 'x'|upper(1) }}", "MF2102", "filter 'upper' takes at most 0 argument(s) (1 given)", "1:4")]
    [TestCase("{{ range(1, 2, 3, 4) }}", "MF2102", "range expected 1 to 3 arguments, got 4", "1:4")]
    [TestCase("{% set a, b = [1] %}", "MF2107", "not enough values to unpack (expected 2, got 1)", "1:1")]
    [TestCase("{% set x = 1 %}{% set x.y = 2 %}", "MF2104", "cannot assign attribute on non-namespace object", "1:23")]
    [TestCase("{{ [].pop() }}", "MF2107", "pop from empty list", "1:4")]
    [TestCase("{{ 'a'.index('z') }}", "MF2107", "substring not found", "1:4")]
    [TestCase("{{ [1, 'a']|sort }}", "MF2104", "'<' not supported between instances of 'str' and 'int'", "1:4")]
    [TestCase("{{ [{'k': 1}, {}]|sort(attribute='k') }}", "MF2101", "'dict object' has no attribute 'k'", "1:4")]
    [TestCase("{{ 1|round(1, 'up') }}", "MF2107", "method must be common, ceil or floor", "1:4")]
    public void Render_errors_read_like_Python_and_point_at_the_expression(string template, string code, string message, string position)
    {
        var error = TemplateTestKit.RenderError(template);
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo(position));
        Assert.That(error.Hint, Is.Not.Null.And.Not.Empty);
        Assert.That(error.Frames, Is.Empty);
    }

    [Test]
    public void Unknown_keyword_argument_suggests_the_nearest_parameter()
    {
        var error = TemplateTestKit.RenderError("{% macro m(column_name) %}{% endmacro %}{{ m(colum_name='x') }}");
        Assert.That(error.Hint, Does.Contain("did you mean 'column_name'?"));
    }

    [Test]
    public void Endless_macro_recursion_is_reported_not_crashed()
    {
        var error = TemplateTestKit.RenderError("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}");
        Assert.That(error.Code, Is.EqualTo("MF2109"));
        Assert.That(error.Frames.Count, Is.GreaterThan(10));
    }

    [Test]
    public void Groupby_puts_items_without_the_attribute_under_the_default()
    {
        var text = TemplateTestKit.Render("{% for g, l in [{'k': 'b'}, {}, {'k': 'a'}]|groupby('k', default='z') %}{{ g }}{{ l|length }};{% endfor %}");
        Assert.That(text, Is.EqualTo("a1;b1;z1;"));
    }

    [Test]
    public void Malformed_raw_tag_is_a_syntax_error()
    {
        var errors = TemplateTestKit.ParseErrors("{% raw x %}");
        Assert.That(errors.Single().Message, Is.EqualTo("unexpected 'x', expected '%}' after 'raw'"));
    }
}
