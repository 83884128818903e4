namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// a, t.a, s.t.a: the column is the last part.
internal sealed record ColumnReference(IReadOnlyList<string> Parts) : SqlExpression;
