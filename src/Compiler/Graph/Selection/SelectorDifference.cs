namespace ModelForge.Compiler.Graph.Selection;

/// <summary>What <see cref="Include"/> selects minus what <see cref="Exclude"/> selects (--exclude, selectors.yml <c>exclude:</c>).</summary>
public sealed record SelectorDifference(SelectorExpression Include, SelectorExpression Exclude) : SelectorExpression;
