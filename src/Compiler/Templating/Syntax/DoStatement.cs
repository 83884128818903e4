using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% do expr %}</c>: evaluates and discards.</summary>
internal sealed record DoStatement(Expression Value, SourceSpan Span) : Statement(Span);
