namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary><c>a</c>, <c>t.a</c>, <c>s.t.a</c>: the column is the last part.</summary>
internal sealed record ColumnReference(IReadOnlyList<string> Parts) : SqlExpression;
