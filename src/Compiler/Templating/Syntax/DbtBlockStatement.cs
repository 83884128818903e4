using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>dbt's <c>snapshot</c> and <c>docs</c> blocks: collected into Template.Blocks, rendered as nothing.</summary>
internal sealed record DbtBlockStatement(string Kind, string Name, IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
