using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% include 'file' ignore missing %}</c>.</summary>
internal sealed record IncludeStatement(Expression TemplateName, bool IgnoreMissing, SourceSpan Span) : Statement(Span);
