namespace ModelForge.Compiler.Graph.Selection;

/// <summary>Space-separated selectors (and selectors.yml <c>union:</c>): nodes any part selects.</summary>
public sealed record SelectorUnion(IReadOnlyList<SelectorExpression> Parts) : SelectorExpression;
