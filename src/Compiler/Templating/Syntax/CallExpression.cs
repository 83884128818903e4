using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>callee(args)</c>.</summary>
internal sealed record CallExpression(Expression Callee, IReadOnlyList<Argument> Arguments, SourceSpan Span) : Expression(Span);
