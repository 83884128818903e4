using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% macro %}</c> (also dbt's <c>test</c> and <c>materialization</c> blocks): binds the macro to its name.</summary>
internal sealed record MacroStatement(MacroDefinition Macro, SourceSpan Span) : Statement(Span);
