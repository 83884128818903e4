using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Templating;

/// <summary>A macro definition; bind it to a context to get something templates can call.</summary>
public abstract class Macro
{
    public abstract string Name { get; }

    /// <summary>Parameter names in order (without <c>varargs</c>/<c>kwargs</c>).</summary>
    public abstract IReadOnlyList<string> Parameters { get; }

    /// <summary>The <c>{% macro %}</c> tag.</summary>
    public abstract SourceSpan Span { get; }

    /// <summary>
    /// A callable that renders the macro with <paramref name="context"/>'s globals; it returns the
    /// rendered text, or the value given to <c>return()</c>.
    /// </summary>
    public abstract ICallable Bind(TemplateContext context);
}
