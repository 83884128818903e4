namespace ModelForge.Runner.Execution;

/// <summary>What happened to one node in a run; becomes a run_results.json entry and a JUnit testcase.</summary>
internal sealed record NodeResult(string UniqueId, NodeStatus Status, TimeSpan ExecutionTime)
{
    /// <summary>One line for the console: the error, the skip reason, or the adapter response.</summary>
    public string? Message { get; init; }

    /// <summary>Failing rows of a test; rows affected of a model when known.</summary>
    public long? Failures { get; init; }

    public long? RowsAffected { get; init; }

    /// <summary>Path of the compiled SQL, relative to the project, when the node compiled.</summary>
    public string? CompiledPath { get; init; }

    /// <summary>The compiled SQL, when the node compiled.</summary>
    public string? CompiledCode { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>The relation the node built or read, as rendered SQL (e.g. "main"."orders").</summary>
    public string? RelationName { get; init; }

    /// <summary>Worker thread that ran the node, for run_results.json.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Warnings about the node that did not stop it (e.g. contract constraints the target does not enforce).</summary>
    public IReadOnlyList<Compiler.Diagnostics.Diagnostic> Warnings { get; init; } = [];

    /// <summary>A microbatch model's batches as [start, end) pairs, for run_results' batch_results; null for other nodes.</summary>
    public (IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow> Successful, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow> Failed)? Batches { get; init; }

    /// <summary>The user-facing diagnostic when the node errored (printed with file:line:col).</summary>
    public Compiler.Diagnostics.Diagnostic? Diagnostic { get; init; }
}
