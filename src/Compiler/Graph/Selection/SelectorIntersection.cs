namespace ModelForge.Compiler.Graph.Selection;

/// <summary>Comma-joined selectors (and selectors.yml <c>intersection:</c>): nodes every part selects.</summary>
public sealed record SelectorIntersection(IReadOnlyList<SelectorExpression> Parts) : SelectorExpression;
