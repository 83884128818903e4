using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>then if test else otherwise</c>; without else it yields an undefined value.</summary>
internal sealed record ConditionalExpression(Expression Test, Expression Then, Expression? Else, SourceSpan Span) : Expression(Span);
