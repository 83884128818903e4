using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>An entry of a DuckDB profile's <c>extensions:</c>: a name, or <c>{name, repo}</c>.</summary>
/// <param name="Repository">Where INSTALL fetches it from (<c>community</c>, a URL); null for DuckDB's default.</param>
/// <param name="Span">The entry in profiles.yml, where a failure to load it is reported.</param>
internal sealed record DuckDbExtension(string Name, string? Repository, SourceSpan? Span);
