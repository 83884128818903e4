namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>An expression whose inputs cannot be known statically (COLUMNS(regex), dynamic SQL…).</summary>
internal sealed record OpaqueExpression(string Reason) : SqlExpression;
