namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// A query in the neutral shape the lineage pass reads: only what decides where output columns
// come from (select lists, FROM items, CTEs, set operations). Both parsers' front-ends build it.
internal abstract record QueryNode
{
    // WITH clause of this query, in declaration order (each sees the ones before it).
    public IReadOnlyList<CommonTableExpression> Ctes { get; init; } = [];
}
