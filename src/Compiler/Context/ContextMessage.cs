using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Context;

/// <summary>Output of <c>log()</c>, <c>print()</c> and <c>exceptions.warn()</c> during a render.</summary>
/// <param name="Kind">Debug for <c>log(msg)</c>, Info for <c>log(msg, info=True)</c>, Print, Warning.</param>
/// <param name="NodeId">The unique id of the node being rendered.</param>
/// <param name="Diagnostic">For warnings: the warning diagnostic (MF2504) with the call position.</param>
public sealed record ContextMessage(
    ContextMessageKind Kind,
    string Text,
    string NodeId,
    SourceSpan Span,
    Diagnostic? Diagnostic = null);
