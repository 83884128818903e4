using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>left op right</c>.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, SourceSpan OperatorSpan, SourceSpan Span) : Expression(Span);
