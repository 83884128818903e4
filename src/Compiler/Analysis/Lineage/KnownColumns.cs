namespace ModelForge.Compiler.Analysis.Lineage;

// The columns a node is known to have. Complete when they come from the warehouse catalog, the
// node's own fully resolved lineage or a seed's header; YAML may declare only some of them.
internal sealed record KnownColumns(IReadOnlyList<string> Names, bool Complete, string Origin);
