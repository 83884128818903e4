namespace ModelForge.Runner.Memo;

/// <summary>An environment variable an invocation read, with its value's fingerprint (null: it was not set).</summary>
/// <remarks>A class, as <see cref="PrintedText"/>: no generic code over a struct to compile at run time on a hit.</remarks>
internal sealed record VariableRead(string Name, string? Fingerprint);
