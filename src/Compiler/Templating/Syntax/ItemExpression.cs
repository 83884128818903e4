using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>target[index]</c>: item first, then attribute (Jinja's getitem rule).</summary>
internal sealed record ItemExpression(Expression Target, Expression Index, SourceSpan Span) : Expression(Span);
