using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Context.Modules;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>Built-ins given hostile input, and the per-render budgets: a diagnostic at the line, never a crash or a hang.</summary>
public sealed class BuiltinLimitTests
{
    [TestCase("{{ 'x'.ljust(-1) }}|{{ 'x'.rjust(-5) }}|{{ 'x'.center(-1) }}|{{ 'x'.zfill(-3) }}", "x|x|x|x")]
    [TestCase("{{ (-9223372036854775807-1)|abs }}", "9.223372036854776e+18")]
    [TestCase("{{ -(-9223372036854775807-1) }}", "9.223372036854776e+18")]
    [TestCase("{% set x = [] %}{% do x.append(x) %}{{ x }}", "[[...]]")]
    [TestCase("{% set x = [1] %}{% do x.append(x) %}{% do x.append(x) %}{{ x }}", "[1, [...], [...]]")]
    [TestCase("{% set d = {} %}{% do d.update({'me': d}) %}{{ d }}", "{'me': {...}}")]
    [TestCase("{% set ns = namespace(a=1) %}{% set ns.me = ns %}{{ ns }}", "<Namespace {'a': 1, 'me': <Namespace {...}>}>")]
    public void Hostile_values_render_as_Python_would(string template, string expected)
    {
        Assert.That(TemplateTestKit.Render(template), Is.EqualTo(expected));
    }

    [TestCase("{{ 'ab' * 9223372036854775807 }}", "MF2304")]
    [TestCase("{{ 'x' * 2000000000 }}", "MF2304")]
    [TestCase("{{ [1, 2] * 9223372036854775807 }}", "MF2304")]
    [TestCase("{{ 'x'.zfill(2e9) }}", "MF2304")]
    [TestCase("{{ 'x'.ljust(2000000000) }}", "MF2304")]
    [TestCase("{{ 'x'|center(2e9) }}", "MF2304")]
    [TestCase("{{ 'x'|indent(2e9) }}", "MF2304")]
    [TestCase("{{ 'x'|indent(9223372036854775807) }}", "MF2304")]
    [TestCase("{% set x = [] %}{% do x.append(x) %}{{ x|tojson }}", "MF2308")]
    [TestCase("{% set x = {} %}{% do x.update({'a': x}) %}{{ tojson(x) }}", "MF2308")]
    [TestCase("{% set x = [] %}{% do x.append(x) %}{{ toyaml(x) }}", "MF2308")]
    [TestCase("{{ modules.re.match('(a+)+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!') }}", "MF2306")]
    public void Hostile_input_to_a_builtin_is_a_diagnostic_at_its_line(string template, string code)
    {
        var error = TemplateTestKit.RenderError("select 1\n" + template, Globals());
        Assert.That(error.Code, Is.EqualTo(code), error.Message);
        Assert.That(error.Span!.Value.Line, Is.EqualTo(2));
        Assert.That(error.Hint, Is.Not.Empty);
    }

    [TestCase("{{ '\\ud800' }}", "lone surrogate")]
    [TestCase("{{ '\\udfff' }}", "lone surrogate")]
    [TestCase("{{ '\\U00110000' }}", "beyond the last Unicode character")]
    [TestCase("{{ '\\Uffffffff' }}", "beyond the last Unicode character")]
    public void Escapes_that_name_no_character_are_syntax_errors(string template, string message)
    {
        var errors = TemplateTestKit.ParseErrors("x\n" + template);
        Assert.That(errors.Select(e => e.Code), Is.EqualTo(new[] { "MF2307" }));
        Assert.That(errors[0].Message, Does.Contain(message));
        Assert.That(TemplateTestKit.Position(errors[0]), Is.EqualTo("2:5"));
    }

    [TestCase(": [\nv")]
    [TestCase("a: &a [*a]")]
    [TestCase("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [TestCase("{")]
    public void Bad_yaml_gives_fromyaml_its_default(string yaml)
    {
        var globals = Globals();
        globals["text"] = yaml;
        Assert.That(TemplateTestKit.Render("{{ fromyaml(text, 'fallback') }}", globals), Is.EqualTo("fallback"));
    }

    [Test]
    public void A_yaml_alias_bomb_gives_fromyaml_its_default()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++) lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        var globals = Globals();
        globals["text"] = string.Join("\n", lines);
        Assert.That(TemplateTestKit.Render("{{ fromyaml(text, 'fallback') }}", globals), Is.EqualTo("fallback"));
    }

    [TestCase("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    [TestCase("[1, 2")]
    public void Bad_json_gives_fromjson_its_default(string json)
    {
        var globals = Globals();
        globals["text"] = json;
        Assert.That(TemplateTestKit.Render("{{ fromjson(text, 'fallback') }}", globals), Is.EqualTo("fallback"));
    }

    [TestCase("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")]
    [TestCase("{% set xs = [1] %}{% for x in xs %}{% do xs.append(x) %}{% endfor %}")]
    [TestCase("{% macro f(n) %}{% for i in range(10) %}{{ f(n + 1) if n < 12 }}{% endfor %}{% endmacro %}{{ f(0) }}")]
    [TestCase("{% for x in range(100000) if x < 0 %}{% endfor %}{% for x in range(100000) if x < 0 %}{% endfor %}")]
    public void Runaway_work_ends_at_the_evaluation_budget(string template)
    {
        var parsed = TemplateTestKit.Parse("select 1\n" + template);
        var context = new TemplateContext(new Dictionary<string, object?>()) { MaxSteps = 150_000 };
        var error = Assert.Throws<DiagnosticException>(() => TemplateTestKit.Engine.Render(parsed, context))!.Diagnostic;
        Assert.That(error.Code, Is.EqualTo("MF2303"));
        Assert.That(error.Message, Does.Contain("150,000 steps"));
        Assert.That(error.Span!.Value.Line, Is.EqualTo(2));
        Assert.That(error.Hint, Does.Contain(TemplateLimits.StepsVariable));
    }

    [Test]
    public void The_default_budgets_are_generous()
    {
        Assert.That(TemplateLimits.MaxSteps, Is.GreaterThanOrEqualTo(100_000_000));
        Assert.That(TemplateLimits.MaxOutputChars, Is.GreaterThanOrEqualTo(100 * 1024 * 1024));
    }

    private static Dictionary<string, object?> Globals() => new(UtilityFunctions.All) { ["modules"] = ModulesNamespace.Instance };
}
