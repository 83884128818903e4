using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% block name %}</c>: without template inheritance it renders its body in place.</summary>
internal sealed record BlockStatement(string Name, IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
