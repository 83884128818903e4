using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>value | name(args)</c>; <see cref="Value"/> is null for the filters of a filter or set block.</summary>
internal sealed record FilterExpression(Expression? Value, string Name, IReadOnlyList<Argument> Arguments, SourceSpan NameSpan, SourceSpan Span) : Expression(Span);
