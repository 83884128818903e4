namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>A FROM item whose columns cannot be known from the SQL (table function, pivot…).</summary>
internal sealed record OpaqueSource(string? Alias, string Reason) : FromItem;
