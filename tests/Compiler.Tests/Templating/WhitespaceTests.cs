using NUnit.Framework;

// Expected outputs were produced once by Python Jinja2 3.1.6 (StrictUndefined, do and loopcontrols
// enabled, as dbt configures it). Tests never call Python.
namespace ModelForge.Compiler.Tests.Templating;


/// <summary>Whitespace control, comments, raw blocks and the trailing newline rule.</summary>
public sealed class WhitespaceTests
{
    [TestCase("a\n", ExpectedResult = "a")]
    [TestCase("a\n\n", ExpectedResult = "a\n")]
    [TestCase("a\r\n", ExpectedResult = "a")]
    [TestCase("\n", ExpectedResult = "")]
    [TestCase("", ExpectedResult = "")]
    [TestCase("text only", ExpectedResult = "text only")]
    [TestCase("  {%- if true -%}  x  {%- endif -%}  ", ExpectedResult = "x")]
    [TestCase("a  {{- 1 -}}  b", ExpectedResult = "a1b")]
    [TestCase("a\n  {%- if true %}\n  b\n  {%- endif %}\nc", ExpectedResult = "a\n  b\nc")]
    [TestCase("select\n  {% if true %}\n  a\n  {% endif %}\nfrom t\n", ExpectedResult = "select\n  \n  a\n  \nfrom t")]
    [TestCase("{% for x in [1, 2] %}\n{{ x }}\n{% endfor %}\n", ExpectedResult = "\n1\n\n2\n")]
    [TestCase("{% for x in [1, 2] -%}\n  {{ x }}\n{%- endfor %}", ExpectedResult = "12")]
    [TestCase("a {# comment #} b", ExpectedResult = "a  b")]
    [TestCase("a {#- comment -#} b", ExpectedResult = "ab")]
    [TestCase("a {# multi\nline #}b", ExpectedResult = "a b")]
    [TestCase("{# {{ not rendered }} #}x", ExpectedResult = "x")]
    [TestCase("{% raw %}{{ not rendered }} {% if %}{% endraw %}", ExpectedResult = "{{ not rendered }} {% if %}")]
    [TestCase("a {%- raw -%}  {{ x }}  {%- endraw -%} b", ExpectedResult = "a{{ x }}b")]
    [TestCase("{% raw %}a{% endraw %}\n", ExpectedResult = "a")]
    [TestCase("x {%+ if true %}y{% endif %}", ExpectedResult = "x y")]
    [TestCase("{{ \"}}\" }}", ExpectedResult = "}}")]
    [TestCase("{{ {\"a\": {\"b\": 1}} }}", ExpectedResult = "{'a': {'b': 1}}")]
    [TestCase("{% set x = {\"a\": 1}%}{{x}}", ExpectedResult = "{'a': 1}")]
    [TestCase("a\tb {{ 1 }}\n\n", ExpectedResult = "a\tb 1\n")]
    [TestCase("{{ 1 }}{{ 2 }}", ExpectedResult = "12")]
    [TestCase("{%- if true %}x{% endif -%}\n\n", ExpectedResult = "x")]
    [TestCase("a{{- \"\" -}}\n\nb", ExpectedResult = "ab")]
    public string Whitespace_handling_matches_Jinja(string template) => TemplateTestKit.Render(template);
}
