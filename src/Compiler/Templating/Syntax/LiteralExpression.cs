using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>A constant: string, long, double, bool or null.</summary>
internal sealed record LiteralExpression(object? Value, SourceSpan Span) : Expression(Span);
