using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% filter f | g %}body{% endfilter %}</c>.</summary>
internal sealed record FilterBlockStatement(IReadOnlyList<FilterExpression> Filters, IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
