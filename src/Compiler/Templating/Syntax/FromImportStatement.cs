using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% from 'file' import a, b as c %}</c>.</summary>
internal sealed record FromImportStatement(Expression TemplateName, IReadOnlyList<ImportName> Names, SourceSpan Span) : Statement(Span);
