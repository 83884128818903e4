using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Templating;

/// <summary>
/// Deeply nested or very long templates end in a diagnostic, never a stack overflow. Every case
/// runs on a thread with a 1 MB stack, smaller than the 1.5 MB of the pool threads forge renders on.
/// </summary>
public sealed class DepthLimitTests
{
    private const int SmallStack = 1024 * 1024;

    public static IEnumerable<TestCaseData> DeepTemplates()
    {
        foreach (var n in new[] { 4_000, 100_000 })
        {
            yield return Case($"{n} nested parentheses", "{{ " + Repeat("(", n) + "1" + Repeat(")", n) + " }}", "MF2300");
            yield return Case($"{n} nested if blocks", Repeat("{% if true %}", n) + "x" + Repeat("{% endif %}", n), "MF2300");
            yield return Case($"{n} nested not", "{{ " + Repeat("not ", n) + "1 }}", "MF2300");
            yield return Case($"{n} nested lists", "{{ " + Repeat("[", n) + Repeat("]", n) + " }}", "MF2300");
            yield return Case($"{n} nested dicts", "{{ " + Repeat("{'a': ", n) + "1" + Repeat("}", n) + " }}", "MF2300");
            yield return Case($"{n} signs", "{{ " + Repeat("- ", n) + "1 }}", "MF2300");
            yield return Case($"{n} calls in calls", "{{ " + Repeat("f(", n) + Repeat(")", n) + " }}", "MF2300");
            yield return Case($"{n} chained else-ifs", "{{ " + Repeat("1 if x else ", n) + "2 }}", "MF2300");
            yield return Case($"{n} broken if headers", Repeat("{% if ( %}", n), "MF2300");
        }
        foreach (var n in new[] { 20_000, 500_000 })
        {
            yield return Case($"{n} terms of +", "{{ 1" + Repeat(" + 1", n) + " }}", "MF2301");
            yield return Case($"{n} terms of ~", "{{ 'a'" + Repeat(" ~ 'a'", n) + " }}", "MF2301");
            yield return Case($"{n} terms of and", "{{ 1" + Repeat(" and 1", n) + " }}", "MF2301");
            yield return Case($"{n} comparisons", "{{ 1" + Repeat(" < 2", n) + " }}", "MF2301");
            yield return Case($"{n} attribute steps", "{{ x" + Repeat(".a", n) + " }}", "MF2301");
            yield return Case($"{n} filters", "{{ x" + Repeat("|e", n) + " }}", "MF2301");
        }
    }

    private static TestCaseData Case(string name, string template, string code) => new TestCaseData(template, code).SetArgDisplayNames(name);

    [TestCaseSource(nameof(DeepTemplates))]
    public void Deep_input_ends_in_one_diagnostic_at_its_line(string template, string code)
    {
        var text = "select 1\n" + template;
        IReadOnlyList<Diagnostic> errors = [];
        OnSmallStack(() => errors = TemplateTestKit.ParseErrors(text));
        // Broken headers are each reported too; the limit itself is reported once, and nothing after it.
        var limit = errors.Where(e => e.Code == code).ToList();
        Assert.That(limit, Has.Count.EqualTo(1), string.Join("\n", errors.Take(3)));
        Assert.That(errors[^1], Is.SameAs(limit[0]));
        Assert.That(limit[0].Span!.Value.Line, Is.EqualTo(2));
        Assert.That(limit[0].Hint, Is.Not.Empty);
    }

    [Test]
    public void Nesting_and_chains_just_under_the_limits_render_on_a_small_stack()
    {
        var parens = TemplateLimits.MaxNesting - 5;
        var terms = TemplateLimits.MaxExpressionSize - 5;
        var text = "{{ " + Repeat("(", parens) + "1" + Repeat(")", parens) + " }}|{{ 0" + Repeat(" + 1", terms) + " }}|{{ x" + Repeat("|string", 100) + " }}";
        string rendered = "";
        OnSmallStack(() => rendered = TemplateTestKit.Render(text, new Dictionary<string, object?> { ["x"] = "v" }));
        Assert.That(rendered, Is.EqualTo($"1|{terms}|v"));
    }

    [Test]
    public void Recursion_of_macros_with_long_expressions_stops_with_a_diagnostic_not_an_overflow()
    {
        var chain = "0" + Repeat(" + 1", TemplateLimits.MaxExpressionSize - 10);
        var text = "{% macro f(n) %}{{ f(n + 1) if n < 100000 else '' }}{{ " + chain + " }}{% endmacro %}\n{{ f(0) }}";
        Diagnostic? error = null;
        OnSmallStack(() => error = TemplateTestKit.RenderError(text));
        Assert.That(error!.Code, Is.AnyOf("MF2109", "MF2302"));
    }

    [Test]
    public void Self_including_templates_stop_with_a_diagnostic()
    {
        var loader = new FakeLoader(new() { ["loop.sql"] = "{% include 'loop.sql' %}" });
        Diagnostic? error = null;
        OnSmallStack(() => error = TemplateTestKit.RenderError("{% include 'loop.sql' %}", loader: loader));
        Assert.That(error!.Code, Is.EqualTo("MF2302"));
    }

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>Runs on a fresh thread with a small stack; rethrows what it threw (an overflow would kill the test run).</summary>
    internal static void OnSmallStack(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, SmallStack);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
