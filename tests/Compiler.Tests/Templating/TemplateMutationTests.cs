using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>
/// Seeded random mutations of real-shaped templates: parsing and rendering may fail only with a
/// diagnostic, never with another exception. Fixed seed and count, so the run is bounded and repeatable.
/// </summary>
public sealed class TemplateMutationTests
{
    private static readonly string[] Seeds =
    [
        "select {{ a ~ 'x' }}, {{ [1, 2]|join(',') }} from {{ t }}\n{% if a %}{{ a|upper }}{% else %}{{ b }}{% endif %}",
        "{% macro m(x, y=2) %}{{ x * y }}{% endmacro %}{% for i in range(3) %}{{ m(i) }}{% endfor %}",
        "{% set ns = namespace(n=0) %}{% for k, v in {'a': 1}.items() %}{% set ns.n = ns.n + v %}{% endfor %}{{ ns.n }}",
        "{{ 'abc'.ljust(5, '-') }}{{ (1, 2)[0] }}{{ none is none }}{{ '%s-%d' % ('a', 3) }}{{ x|default('d')|tojson }}",
        "{% call m() %}body{% endcall %}{% filter upper %}x{% endfilter %}{# c #}{% raw %}{{ }}{% endraw %}",
    ];

    private static readonly string[] Fragments =
    [
        "{{", "}}", "{%", "%}", "(", ")", "[", "]", "{", "}", "'", "\"", "\\", "|", "~", "*", "**", "not ", " if ",
        " else ", "endif", "endfor", "9223372036854775807", "-1", "2e9", "\\ud800", "\\U00110000", ".", ",", ":",
        "{% for x in [1] %}", "{% endfor %}", "{% if 1 %}", "{% endif %}", "x.append(x)", "range(10**10)",
    ];

    [Test]
    public void Mutated_templates_fail_only_with_diagnostics()
    {
        var random = new Random(1616);
        var engine = new TemplateEngine();
        for (var i = 0; i < 20000; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);
            try
            {
                var template = engine.Parse(new SourceText($"models/m{i}.sql", text), new DiagnosticBag());
                if (template.HasErrors) continue;
                var context = new TemplateContext(new Dictionary<string, object?> { ["a"] = "v", ["t"] = "tbl" }) { MaxSteps = 100_000 };
                engine.Render(template, context);
            }
            catch (DiagnosticException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} threw {e.GetType().Name}: {e.Message}\ntemplate: {text}");
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new System.Text.StringBuilder(text);
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var at = random.Next(chars.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    chars.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when chars.Length > 0:
                    chars.Remove(Math.Min(at, chars.Length - 1), Math.Min(random.Next(1, 8), chars.Length - Math.Min(at, chars.Length - 1)));
                    break;
                default:
                    chars.Insert(at, (char)random.Next(32, 127));
                    break;
            }
        }
        return chars.ToString();
    }
}
