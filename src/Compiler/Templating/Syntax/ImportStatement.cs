using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% import 'file' as name %}</c>.</summary>
internal sealed record ImportStatement(Expression TemplateName, string Alias, SourceSpan Span) : Statement(Span);
