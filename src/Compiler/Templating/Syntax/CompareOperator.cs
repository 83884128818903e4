namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>Comparison operators, chained as in Python.</summary>
internal enum CompareOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
}
