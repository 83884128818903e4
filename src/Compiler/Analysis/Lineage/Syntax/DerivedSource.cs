namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>A subquery in FROM.</summary>
internal sealed record DerivedSource(QueryNode Query, string? Alias) : FromItem
{
    public IReadOnlyList<string> ColumnAliases { get; init; } = [];
}
