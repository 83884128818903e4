namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// * or q.* in a select list, with DuckDB's EXCLUDE, REPLACE and RENAME.
internal sealed record StarExpression(string? Qualifier) : SqlExpression
{
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<StarReplacement> Replace { get; init; } = [];

    public IReadOnlyList<StarRename> Rename { get; init; } = [];
}
