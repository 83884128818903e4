using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>One statement forge runs on each new DuckDB connection to apply the profile.</summary>
/// <param name="Subject">What it applies, as messages name it: the extension, secret, attached path or setting.</param>
/// <param name="Sql">The statement. For a secret it holds the secret's values: never print it.</param>
/// <param name="Fallback">Run when <paramref name="Sql"/> fails, then <paramref name="Sql"/> again: an extension not yet installed is INSTALLed.</param>
/// <param name="Span">The profile entry it comes from.</param>
internal sealed record DuckDbSetupStep(DuckDbSetupKind Kind, string Subject, string Sql, string? Fallback, SourceSpan? Span);
