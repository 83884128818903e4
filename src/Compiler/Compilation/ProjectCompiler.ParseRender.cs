using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Compilation;

public static partial class ProjectCompiler
{
    /// <summary>
    /// Renders a node once at parse time, as dbt's parser does: the text is thrown away, the render
    /// only records the node's <c>config()</c> (into <paramref name="info"/>'s config) and its
    /// <c>ref()</c>/<c>source()</c> calls. Null, with the error given to <paramref name="report"/>,
    /// when the render fails.
    /// </summary>
    /// <remarks>
    /// dbt parses with a lenient Undefined: a missing name or attribute (typically on the None that
    /// run_query gives while not executing) renders as nothing, and only the execute render fails,
    /// for that node alone. So an undefined error here keeps the node with the calls recorded so
    /// far, plus the literal ones written after the failing line (so it still runs after its
    /// parents); its execute render reports the error if it still happens. Other errors (a compiler
    /// error raised at parse, a bad argument) stop the project, as in dbt.
    /// </remarks>
    internal static (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources)? ParseRender(
        TemplateEngine engine, Template template, ProjectRenderInfo parseInfo, ParseResolver resolver, NodeRenderInfo info,
        Action<Diagnostic> report, Func<TemplateContext, TemplateContext>? bind = null)
    {
        var context = ContextBuilder.CreateContext(parseInfo, info);
        try
        {
            engine.Render(template, bind is null ? context : bind(context));
        }
        catch (DiagnosticException e) when (e.Diagnostic.Code == DiagnosticCodes.TemplateUndefined)
        {
            // What the render would have read after the failing name is unknown: not for the static parse memo.
            info.Inputs?.MarkUncacheable("undefined");
            var (refs, sources) = resolver.Take(info.UniqueId);
            return StaticRefScan.AddMissing(template, refs, sources);
        }
        catch (DiagnosticException e)
        {
            resolver.Take(info.UniqueId);
            report(e.Diagnostic);
            return null;
        }
        return resolver.Take(info.UniqueId);
    }
}
