using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% if %}…{% elif %}…{% else %}…{% endif %}</c>.</summary>
internal sealed record IfStatement(IReadOnlyList<IfBranch> Branches, IReadOnlyList<Statement>? Else, SourceSpan Span) : Statement(Span);
