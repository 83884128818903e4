using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{{ value }}</c>.</summary>
internal sealed record OutputStatement(Expression Value, SourceSpan Span) : Statement(Span);
