using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation.DataTests;

/// <summary>
/// Renders the Jinja in a generic test's config values (<c>where: "{{ var('cutoff') }}"</c>,
/// <c>limit: "{{ var('n') }}"</c>) once, when the test is built, as dbt's TestBuilder does with its
/// native renderer: a value that is one <c>{{ expression }}</c> keeps the expression's type, other
/// templated text becomes a string, and values without Jinja stay as written.
/// </summary>
internal static class TestConfigRenderer
{
    private const string ValueMacro = "__forge_config_value";

    /// <summary>Whether a config value holds Jinja (most do not: their declaration is used as it is).</summary>
    public static bool HasJinja(TestDeclaration declaration)
    {
        foreach (var (_, value) in declaration.Config)
        {
            if (value is string text && GenericTestCall.HasJinja(text)) return true;
        }
        return false;
    }

    /// <returns>The declaration with its config rendered, or null after reporting a failed render.</returns>
    public static TestDeclaration? Render(TemplateEngine engine, ProjectRenderInfo parseInfo, NodeRenderInfo node,
        TestDeclaration declaration, DiagnosticBag diagnostics)
    {
        if (!HasJinja(declaration)) return declaration;
        var rendered = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in declaration.Config)
        {
            if (value is not string text || !GenericTestCall.HasJinja(text))
            {
                rendered[key] = value;
                continue;
            }
            var body = GenericTestCall.SingleExpression(text) is { } expression ? $"{{{{ return({expression}) }}}}" : text;
            var source = new SourceText(declaration.Span.Path, $"{{% macro {ValueMacro}() %}}{body}{{% endmacro %}}");
            var parseBag = new DiagnosticBag();
            var template = engine.Parse(source, parseBag);
            try
            {
                if (template.HasErrors) throw new DiagnosticException(parseBag.ToList().First(d => d.IsError));
                var result = engine.RenderMacro(template, ValueMacro, ContextBuilder.CreateContext(parseInfo, node));
                // dbt drops config values that render to None.
                if (result is not null and not Templating.Runtime.Undefined) rendered[key] = result;
            }
            catch (DiagnosticException e)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TestConfigRenderFailed,
                    string.Format(DiagnosticCodes.TestConfigRenderFailedMessage, key, declaration.Name, declaration.AttachedTo, e.Diagnostic.Message),
                    declaration.Span, e.Diagnostic.Hint ?? DiagnosticCodes.TestConfigRenderFailedHint));
                return null;
            }
        }
        return declaration with { Config = rendered };
    }
}
