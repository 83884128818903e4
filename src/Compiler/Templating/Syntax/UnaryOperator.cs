namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>-x</c>, <c>+x</c>, <c>not x</c>.</summary>
internal enum UnaryOperator
{
    Negate,
    Plus,
    Not,
}
