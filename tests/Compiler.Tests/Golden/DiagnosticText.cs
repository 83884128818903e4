using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Tests.Golden;

/// <summary>
/// The text err-*.verified.txt files hold: exactly what users see (see <see cref="DiagnosticPrinter"/>).
/// </summary>
internal static class DiagnosticText
{
    public static string Format(IEnumerable<Diagnostic> diagnostics) => DiagnosticPrinter.Format(diagnostics);
}
