namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// select items from From; From is null for a select without FROM.
internal sealed record SelectQuery(IReadOnlyList<SelectItem> Items, FromItem? From) : QueryNode;
