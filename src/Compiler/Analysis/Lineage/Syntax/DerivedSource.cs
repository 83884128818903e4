namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// A subquery in FROM.
internal sealed record DerivedSource(QueryNode Query, string? Alias) : FromItem
{
    public IReadOnlyList<string> ColumnAliases { get; init; } = [];
}
