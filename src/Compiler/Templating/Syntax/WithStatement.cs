using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% with a = 1 %}body{% endwith %}</c>: assignments and body in a scope of their own.</summary>
internal sealed record WithStatement(IReadOnlyList<SetStatement> Assignments, IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
