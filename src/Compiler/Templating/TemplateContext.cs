namespace ModelForge.Compiler.Templating;

/// <summary>
/// What one render sees: global names (context functions, project and built-in macros, vars) and
/// the loader used by <c>import</c>/<c>from … import</c>/<c>include</c>.
/// </summary>
public sealed class TemplateContext(IReadOnlyDictionary<string, object?> globals, ITemplateLoader? loader = null)
{
    public IReadOnlyDictionary<string, object?> Globals { get; } = globals;

    public ITemplateLoader? Loader { get; } = loader;

    /// <summary>Loop iterations plus calls allowed per render (tests and hosts may lower it).</summary>
    internal long MaxSteps { get; init; } = TemplateLimits.MaxSteps;
}
