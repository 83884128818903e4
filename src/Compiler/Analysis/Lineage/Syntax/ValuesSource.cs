namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>A VALUES list: columns of literals.</summary>
internal sealed record ValuesSource(string? Alias, IReadOnlyList<string> ColumnNames) : FromItem;
