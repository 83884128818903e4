using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{'a': 1}</c>.</summary>
internal sealed record DictExpression(IReadOnlyList<DictEntry> Entries, SourceSpan Span) : Expression(Span);
