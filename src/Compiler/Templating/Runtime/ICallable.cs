namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// A value templates can call: a context function (ref, source, config…), a builtin global, or a
/// macro. Implementations raise <see cref="Diagnostics.DiagnosticException"/> for user errors,
/// using <see cref="CallArguments.CallSpan"/> as the position.
/// </summary>
public interface ICallable
{
    object? Call(CallArguments arguments);
}
