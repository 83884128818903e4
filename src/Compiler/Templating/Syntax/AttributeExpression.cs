using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>target.name</c>: attribute first, then item (Jinja's getattr rule).</summary>
internal sealed record AttributeExpression(Expression Target, string Name, SourceSpan Span) : Expression(Span);
