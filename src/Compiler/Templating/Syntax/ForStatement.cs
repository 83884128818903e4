using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% for target in iterable if condition recursive %}…{% else %}…{% endfor %}</c>.</summary>
internal sealed record ForStatement(
    Expression Target,
    Expression Iterable,
    Expression? Condition,
    IReadOnlyList<Statement> Body,
    IReadOnlyList<Statement>? Else,
    bool Recursive,
    SourceSpan Span) : Statement(Span);
