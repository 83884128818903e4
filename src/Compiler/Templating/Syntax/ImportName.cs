using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>One <c>name as alias</c> of a <c>from … import</c>.</summary>
internal sealed record ImportName(string Name, string Alias, SourceSpan Span);
