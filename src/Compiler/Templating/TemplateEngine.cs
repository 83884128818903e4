using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating;

/// <summary>
/// Parses and renders Jinja templates. Thread-safe; parsed templates are cached by content hash so
/// an unchanged file is parsed once per process.
/// </summary>
public sealed class TemplateEngine
{
    /// <summary>
    /// Parses a template. Syntax errors go to <paramref name="diagnostics"/> (with file:line:column)
    /// and the returned template has <see cref="Template.HasErrors"/> set.
    /// </summary>
    public Template Parse(SourceText source, DiagnosticBag diagnostics) => throw new NotImplementedException();

    /// <summary>
    /// Renders a template. A user error aborts the render with a
    /// <see cref="DiagnosticException"/> whose diagnostic points into the template and carries the
    /// macro frames it passed through.
    /// </summary>
    public RenderResult Render(Template template, TemplateContext context) => throw new NotImplementedException();
}
