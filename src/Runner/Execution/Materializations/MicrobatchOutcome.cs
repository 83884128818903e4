using ModelForge.Compiler.Compilation.Microbatch;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>What a microbatch model's batches did: the windows that were replaced and those that failed (with why).</summary>
internal sealed record MicrobatchOutcome(
    IReadOnlyList<MicrobatchWindow> Successful,
    IReadOnlyList<(MicrobatchWindow Window, Diagnostic Error)> Failed,
    long? Rows);
