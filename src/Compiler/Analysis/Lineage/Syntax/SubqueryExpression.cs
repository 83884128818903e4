namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>A subquery used as a value (scalar, IN, EXISTS); <see cref="Inputs"/> are the other operands.</summary>
internal sealed record SubqueryExpression(QueryNode Query, IReadOnlyList<SqlExpression> Inputs) : SqlExpression;
