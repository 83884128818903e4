namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// A subquery used as a value (scalar, IN, EXISTS); Inputs are the other operands.
internal sealed record SubqueryExpression(QueryNode Query, IReadOnlyList<SqlExpression> Inputs) : SqlExpression;
