using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>
/// One selector method and value with its graph operators: <c>2+tag:nightly+1</c> is method
/// <c>tag</c>, value <c>nightly</c>, <see cref="ParentsDepth"/> 2, <see cref="ChildrenDepth"/> 1.
/// </summary>
/// <param name="Method">fqn, tag, path, file, config.KEY, resource_type, test_type, test_name, source, package, state, result, selector.</param>
/// <param name="ParentsDepth">0 for no ancestors; <see cref="int.MaxValue"/> for all (<c>+x</c>).</param>
/// <param name="ChildrenDepth">0 for no descendants; <see cref="int.MaxValue"/> for all (<c>x+</c>).</param>
/// <param name="ChildrensParents"><c>@x</c>: x, its descendants, and every ancestor of those.</param>
/// <param name="Span">Where the criterion was written (the command line or selectors.yml).</param>
public sealed record SelectorCriterion(
    string Method,
    string Value,
    int ParentsDepth,
    int ChildrenDepth,
    bool ChildrensParents,
    SourceSpan Span) : SelectorExpression
{
    /// <summary>Whether <see cref="Method"/> was written out (<c>tag:x</c>) rather than implied (<c>x</c>).</summary>
    public bool ExplicitMethod { get; init; }
}
