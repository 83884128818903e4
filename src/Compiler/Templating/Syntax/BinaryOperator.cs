namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>Arithmetic, <c>~</c> and the short-circuit boolean operators.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    FloorDivide,
    Modulo,
    Power,
    Concat,
    And,
    Or,
}
