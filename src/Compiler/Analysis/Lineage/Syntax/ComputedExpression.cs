namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>Any function, operator, CASE, CAST, window or literal: a new value from <see cref="Inputs"/>.</summary>
internal sealed record ComputedExpression(IReadOnlyList<SqlExpression> Inputs) : SqlExpression
{
    public static readonly ComputedExpression Literal = new([]);
}
