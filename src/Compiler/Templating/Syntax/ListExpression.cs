using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>[a, b]</c>.</summary>
internal sealed record ListExpression(IReadOnlyList<Expression> Items, SourceSpan Span) : Expression(Span);
