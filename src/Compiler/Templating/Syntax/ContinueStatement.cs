using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% continue %}</c> (loopcontrols, which dbt enables).</summary>
internal sealed record ContinueStatement(SourceSpan Span) : Statement(Span);
