using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% break %}</c> (loopcontrols, which dbt enables).</summary>
internal sealed record BreakStatement(SourceSpan Span) : Statement(Span);
