namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// An expression whose inputs cannot be known statically (COLUMNS(regex), dynamic SQL…).
internal sealed record OpaqueExpression(string Reason) : SqlExpression;
