namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// Any function, operator, CASE, CAST, window or literal: a new value from Inputs.
internal sealed record ComputedExpression(IReadOnlyList<SqlExpression> Inputs) : SqlExpression
{
    public static readonly ComputedExpression Literal = new([]);
}
