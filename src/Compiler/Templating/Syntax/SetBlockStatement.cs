using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% set name | filters %}body{% endset %}</c>.</summary>
internal sealed record SetBlockStatement(Expression Target, IReadOnlyList<FilterExpression> Filters, IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
