using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// Where log(), print() and exceptions.warn() go: info logs and prints to the output, warnings
/// with their position to the error stream, debug logs nowhere yet (the log file comes later).
/// </summary>
internal sealed class TemplateMessages(TextWriter output, TextWriter error)
{
    private readonly Lock _lock = new();

    public void Write(ContextMessage message)
    {
        lock (_lock)
        {
            switch (message.Kind)
            {
                case ContextMessageKind.Debug:
                    break;
                case ContextMessageKind.Warning when message.Diagnostic is { } diagnostic:
                    error.Write(DiagnosticPrinter.Format(diagnostic));
                    break;
                default:
                    output.WriteLine(message.Text);
                    break;
            }
        }
    }
}
