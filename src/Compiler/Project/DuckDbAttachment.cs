using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>An entry of a DuckDB profile's <c>attach:</c>, a database ATTACHed on every connection.</summary>
/// <param name="Path">A file (made absolute against the project), a URL, or a connection string for other types.</param>
/// <param name="Alias">The catalog name; null lets DuckDB derive it from the file name.</param>
/// <param name="Type">The attached database's type (<c>sqlite</c>, <c>postgres</c>...); null for DuckDB.</param>
/// <param name="Options">Further ATTACH options, in the order written.</param>
internal sealed record DuckDbAttachment(
    string Path,
    string? Alias,
    string? Type,
    string? Secret,
    bool ReadOnly,
    IReadOnlyList<KeyValuePair<string, object?>> Options,
    SourceSpan? Span)
{
    /// <summary>The catalog name DuckDB gives it: the alias, else the file name without its extension.</summary>
    public string CatalogName => Alias ?? System.IO.Path.GetFileNameWithoutExtension(Path.Split('?', 2)[0]);
}
