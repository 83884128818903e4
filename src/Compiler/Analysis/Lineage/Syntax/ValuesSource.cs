namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// A VALUES list: columns of literals.
internal sealed record ValuesSource(string? Alias, IReadOnlyList<string> ColumnNames) : FromItem;
