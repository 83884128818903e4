using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>Jinja2's default Undefined, as dbt uses it: it prints as nothing and is an empty container; using it as a number, an object or a function is an error that names the missing thing.</summary>
public sealed class UndefinedTests
{
    [TestCase("{% if missing %}yes{% else %}no{% endif %}", "no")]
    [TestCase("{{ missing is defined }}|{{ missing is undefined }}", "False|True")]
    [TestCase("{{ missing|default('fallback') }}", "fallback")]
    [TestCase("{{ missing|d }}", "")]
    [TestCase("{{ {'a': 1}.b|default('no b') }}", "no b")]
    [TestCase("{{ not missing }}", "True")]
    [TestCase("{{ missing or 'other' }}", "other")]
    [TestCase("{% set x = missing %}{{ x is defined }}", "False")]
    [TestCase("{{ [1][5] is defined }}", "False")]
    [TestCase("{{ missing is none }}", "False")]
    [TestCase("{% for x in [1, 2] %}{{ x }}{{ ',' if not loop.last }}{% endfor %}", "1,2")]
    [TestCase("{{ 'a' ~ ('b' if false) }}|{{ ('b' if false) is defined }}", "a|False")]
    public void Undefined_values_can_be_tested_and_defaulted(string template, string expected)
    {
        Assert.That(TemplateTestKit.Render(template), Is.EqualTo(expected));
    }

    [TestCase("[{{ foo }}]", "[]")]
    [TestCase("[{{ {'a': 1}.bar }}]", "[]")]
    [TestCase("[{{ 'abc'.nope }}]", "[]")]
    [TestCase("[{% for x in foo %}{{ x }}{% endfor %}]", "[]")]
    [TestCase("[{{ 'a' ~ foo }}]", "[a]")]
    [TestCase("[{{ foo|upper }}]", "[]")]
    [TestCase("{{ foo|length }}|{{ foo|join(',') }}|{{ foo|map('upper')|list }}", "0||[]")]
    [TestCase("{{ foo == 1 }}|{{ foo == foo }}|{{ foo != none }}", "False|True|True")]
    [TestCase("{{ 1 in foo }}|{{ foo in [1] }}", "False|False")]
    [TestCase("[{{ [1][3] }}]", "[]")]
    [TestCase("[{{ []|first }}]", "[]")]
    [TestCase("{% macro m(a) %}[{{ a }}]{{ a is defined }}{% endmacro %}{{ m() }}", "[]False")]
    [TestCase("{% if false %}{% set x = 1 %}{% endif %}[{{ x }}]{{ x is defined }}", "[]False")]
    [TestCase("{% set x = 1 if false %}[{{ x }}]{{ x is defined }}", "[]False")]
    public void Undefined_values_render_empty_as_with_jinjas_default_undefined(string template, string expected)
    {
        Assert.That(TemplateTestKit.Render(template), Is.EqualTo(expected));
    }

    [TestCase("x\n  {{ foo.bar }}", "'foo' is undefined", "2:6")]
    [TestCase("{{ {'a': 1}.b.c }}", "'dict object' has no attribute 'b'", "1:4")]
    [TestCase("{{ foo['k'] }}", "'foo' is undefined", "1:4")]
    [TestCase("{{ foo() }}", "'foo' is undefined", "1:4")]
    [TestCase("{{ foo + 1 }}", "'foo' is undefined", "1:4")]
    [TestCase("{{ foo < 1 }}", "'foo' is undefined", "1:4")]
    [TestCase("{{ foo|int }}", "'foo' is undefined", "1:4")]
    [TestCase("{{ [1][3] + 1 }}", "'list object' has no element 3", "1:4")]
    [TestCase("{{ ([]|first) + 1 }}", "no first item, the sequence was empty", "1:5")]
    [TestCase("{{ ('a' if false) + 1 }}", "the inline if-expression evaluated to false and has no else", "1:5")]
    [TestCase("{% macro m(a) %}{{ a.b }}{% endmacro %}{{ m() }}", "'a' is undefined", "1:43")]
    public void Using_an_undefined_value_where_jinja_raises_is_an_error_at_the_expression(string template, string message, string position)
    {
        var error = TemplateTestKit.RenderError(template);
        Assert.That(error.Code, Is.EqualTo("MF2101"));
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(TemplateTestKit.Position(error), Is.EqualTo(position));
        Assert.That(error.Hint, Is.Not.Empty);
    }

    [Test]
    public void Hint_suggests_testing_the_name_first()
    {
        var error = TemplateTestKit.RenderError("{{ target_schema.name }}");
        Assert.That(error.Hint, Does.Contain("{% if target_schema is defined %}"));
    }
}
