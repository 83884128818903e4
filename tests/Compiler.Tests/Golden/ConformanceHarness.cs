using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// Runs one conformance case through a parse and a render step. The steps are passed in so that
/// the harness itself can be tested with a fake engine; <see cref="ForEngine"/> uses the real one.
/// </summary>
internal sealed class ConformanceHarness(
    Func<SourceText, DiagnosticBag, Template> parse,
    Func<Template, TemplateContext, RenderResult> render)
{
    public static ConformanceHarness ForEngine()
    {
        var engine = new TemplateEngine();
        return new ConformanceHarness(engine.Parse, engine.Render);
    }

    public ConformanceResult Run(ConformanceCase testCase)
    {
        var globals = JsonValues.ToGlobals(testCase.ContextJson);
        var diagnostics = new DiagnosticBag();
        var template = parse(new SourceText(testCase.RelativePath, testCase.Template), diagnostics);

        IReadOnlyList<Diagnostic> errors;
        string? rendered = null;
        if (diagnostics.HasErrors || template.HasErrors)
        {
            errors = diagnostics.ToList();
            if (!diagnostics.HasErrors)
            {
                return ConformanceResult.Failed("the parser marked the template as failed but reported no error diagnostic");
            }
        }
        else
        {
            try
            {
                rendered = render(template, new TemplateContext(globals)).Text;
                errors = [];
            }
            catch (DiagnosticException abort)
            {
                errors = [.. diagnostics.ToList(), abort.Diagnostic];
            }
        }

        if (testCase.IsErrorCase)
        {
            return rendered is null
                ? ConformanceResult.Output(DiagnosticText.Format(errors))
                : ConformanceResult.Failed($"expected a diagnostic, but the template rendered:\n{rendered}");
        }
        return rendered is not null
            ? ConformanceResult.Output(rendered)
            : ConformanceResult.Failed($"expected output, but got diagnostics:\n{DiagnosticText.Format(errors)}");
    }
}
