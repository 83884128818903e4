namespace ModelForge.Compiler.Context;

public enum ContextMessageKind
{
    Debug,
    Info,
    Print,
    Warning,
}
