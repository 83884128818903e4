using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>
/// An entry of a DuckDB profile's <c>secrets:</c>, created with CREATE OR REPLACE SECRET on every
/// connection. Its parameter values are secrets: never printed, never put in a message.
/// </summary>
/// <param name="Name">As written, else <c>_dbt_secret_N</c> (N from 1, the entry's position), the name dbt-duckdb gives it.</param>
/// <param name="Parameters">Every key but <c>type</c>, <c>name</c> and <c>persistent</c>, in the order written.</param>
internal sealed record DuckDbSecret(
    string Name,
    string Type,
    bool Persistent,
    IReadOnlyList<KeyValuePair<string, object?>> Parameters,
    SourceSpan? Span);
