using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>target[start:stop:step]</c>.</summary>
internal sealed record SliceExpression(Expression Target, Expression? Start, Expression? Stop, Expression? Step, SourceSpan Span) : Expression(Span);
