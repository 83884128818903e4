using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>a &lt; b &lt;= c</c>: each step compares with the previous operand; all must hold.</summary>
internal sealed record CompareExpression(Expression First, IReadOnlyList<Comparison> Rest, SourceSpan Span) : Expression(Span);
