using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>The harness logic, checked against a fake engine while the real one is being written.</summary>
public sealed class ConformanceHarnessTests
{
    // Fake: "BAD" is a parse error at the word; "THROW" aborts the render; otherwise {{name}}
    // is replaced by the global's value, so the test can see what the context became.
    private static readonly ConformanceHarness _fake = new(FakeParse, FakeRender);

    [Test]
    public void Case_file_splits_at_the_first_separator_line_and_keeps_the_trailing_newline()
    {
        var testCase = ConformanceCase.Parse("a/b.jinja", "{\"x\": 1}\n---\nline\n---\nend\n");

        Assert.That(testCase.ContextJson, Is.EqualTo("{\"x\": 1}\n"));
        Assert.That(testCase.Template, Is.EqualTo("line\n---\nend\n"));
        Assert.That(testCase.VerifiedRelativePath, Is.EqualTo("a/b.verified.txt"));
        Assert.That(testCase.IsErrorCase, Is.False);
    }

    [Test]
    public void Case_file_may_end_without_a_newline_or_with_an_empty_template()
    {
        Assert.That(ConformanceCase.Parse("c.jinja", "{}\n---\nx").Template, Is.EqualTo("x"));
        Assert.That(ConformanceCase.Parse("c.jinja", "{}\n---\n").Template, Is.EqualTo(""));
        Assert.That(ConformanceCase.Parse("c.jinja", "{}\n---").Template, Is.EqualTo(""));
        Assert.That(() => ConformanceCase.Parse("c.jinja", "{}\n--- \nx"), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Json_context_becomes_the_engine_value_model()
    {
        var globals = JsonValues.ToGlobals("""{"i": 3, "f": 3.0, "e": 1e2, "s": "x", "n": null, "b": true, "l": [1, "a"], "d": {"z": 1, "a": 2}}""");

        Assert.That(globals["i"], Is.TypeOf<long>().And.EqualTo(3L));
        Assert.That(globals["f"], Is.TypeOf<double>().And.EqualTo(3.0));
        Assert.That(globals["e"], Is.TypeOf<double>().And.EqualTo(100.0));
        Assert.That(globals["s"], Is.EqualTo("x"));
        Assert.That(globals["n"], Is.Null);
        Assert.That(globals["b"], Is.True);
        Assert.That(globals["l"], Is.TypeOf<List<object?>>().And.EqualTo(new object?[] { 1L, "a" }));
        Assert.That(((Dictionary<string, object?>)globals["d"]!).Keys, Is.EqualTo(new[] { "z", "a" }), "insertion order");
    }

    [Test]
    public void Output_case_yields_the_rendered_text()
    {
        var result = _fake.Run(ConformanceCase.Parse("ok.jinja", "{\"name\": \"world\"}\n---\nhello {{name}}\n"));

        Assert.That(result, Is.EqualTo(ConformanceResult.Output("hello world\n")));
    }

    [Test]
    public void Output_case_with_a_parse_error_fails_with_the_printed_diagnostic()
    {
        var result = _fake.Run(ConformanceCase.Parse("t/bad.jinja", "{}\n---\nx\n  BAD"));

        Assert.That(result.Actual, Is.Null);
        Assert.That(result.Failure, Does.Contain("t/bad.jinja:2:3: error MF2998: fake parse error\n  2 |   BAD\n    |   ^^^\n  hint: remove BAD"));
    }

    [Test]
    public void Output_case_whose_render_aborts_fails_with_the_diagnostic()
    {
        var result = _fake.Run(ConformanceCase.Parse("t/throw.jinja", "{}\n---\nTHROW"));

        Assert.That(result.Failure, Does.Contain("t/throw.jinja:1:1: error MF2999: fake render error"));
    }

    [Test]
    public void Error_case_yields_the_printed_diagnostic_with_hint_and_frames()
    {
        var result = _fake.Run(ConformanceCase.Parse("e/err-throw.jinja", "{}\n---\n\n THROW"));

        Assert.That(result.Failure, Is.Null);
        Assert.That(result.Actual, Is.EqualTo(
            "e/err-throw.jinja:2:2: error MF2999: fake render error\n  2 |  THROW\n    |  ^^^^^\n  in macro 'm' called at e/err-throw.jinja:1:1\n  hint: do not throw\n"));
    }

    [Test]
    public void Error_case_that_renders_fails()
    {
        var result = _fake.Run(ConformanceCase.Parse("e/err-none.jinja", "{}\n---\nfine"));

        Assert.That(result.Failure, Does.StartWith("expected a diagnostic, but the template rendered:\nfine"));
    }

    [Test]
    public void Missing_verified_file_of_a_case_is_a_failure_that_writes_the_received_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "forge-conf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var testCase = ConformanceCase.Parse("err-x.jinja", "{}\n---\nTHROW");
            var actual = _fake.Run(testCase).Actual!;
            var failure = GoldenFile.Check(Path.Combine(dir, testCase.VerifiedRelativePath), actual, update: false);

            Assert.That(failure, Does.StartWith("No verified file"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "err-x.received.txt")), Does.StartWith("err-x.jinja:1:1: error MF2999"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Template FakeParse(SourceText source, DiagnosticBag diagnostics)
    {
        var bad = source.Text.IndexOf("BAD", StringComparison.Ordinal);
        if (bad >= 0)
        {
            diagnostics.Add(Diagnostic.Error("MF2998", "fake parse error", new SourceSpan(source, bad, 3), hint: "remove BAD"));
        }
        return new Template { Source = source, HasErrors = bad >= 0 };
    }

    private static RenderResult FakeRender(Template template, TemplateContext context)
    {
        var text = template.Source.Text;
        var thrown = text.IndexOf("THROW", StringComparison.Ordinal);
        if (thrown >= 0)
        {
            var at = new SourceSpan(template.Source, thrown, 5);
            throw new DiagnosticException(Diagnostic.Error("MF2999", "fake render error", at, hint: "do not throw") with
            {
                Frames = [new TemplateFrame("macro 'm'", new SourceSpan(template.Source, 0, 0))],
            });
        }
        foreach (var (name, value) in context.Globals) text = text.Replace("{{" + name + "}}", value?.ToString());
        return new RenderResult(text, new SourceMap([]));
    }
}
