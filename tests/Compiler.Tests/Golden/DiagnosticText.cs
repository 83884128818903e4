using System.Text;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// Prints diagnostics in the shape users see (<c>path:line:col: error MFnnnn: message</c>, then
/// indented hint, detail and macro frames), which is what err-*.verified.txt files hold.
/// </summary>
internal static class DiagnosticText
{
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(diagnostic.ToString());
            if (diagnostic.Hint is { } hint) text.Append("\n  hint: ").Append(hint);
            if (diagnostic.Detail is { } detail) text.Append("\n  detail: ").Append(detail);
            foreach (var frame in diagnostic.Frames) text.Append("\n  in ").Append(frame.Description).Append(" at ").Append(frame.Span.ToString());
        }
        return text.ToString();
    }
}
