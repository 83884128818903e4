namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Aborts a render or a load with a user-facing diagnostic. Thrown only where carrying on makes no
/// sense (an error inside a template expression); everything else goes into a <see cref="DiagnosticBag"/>.
/// </summary>
public sealed class DiagnosticException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
