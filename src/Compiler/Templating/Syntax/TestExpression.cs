using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>value is [not] name(args)</c>.</summary>
internal sealed record TestExpression(Expression Value, string Name, IReadOnlyList<Argument> Arguments, bool Negated, SourceSpan NameSpan, SourceSpan Span) : Expression(Span);
