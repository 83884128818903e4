using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>One named selector from selectors.yml.</summary>
public sealed record SelectorDefinition(string Name, string? Description, SelectorExpression Definition, bool IsDefault, SourceSpan Span);
