namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// A FROM item whose columns cannot be known from the SQL (table function, pivot…).
internal sealed record OpaqueSource(string? Alias, string Reason) : FromItem;
