namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// A named relation: a CTE, a project node's relation or some other table.
internal sealed record TableSource(string? Catalog, string? Schema, string Name, string? Alias) : FromItem
{
    public IReadOnlyList<string> ColumnAliases { get; init; } = [];
}
