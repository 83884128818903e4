namespace ModelForge.Compiler.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
