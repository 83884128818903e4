namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary><c>select items from From</c>; <see cref="From"/> is null for a select without FROM.</summary>
internal sealed record SelectQuery(IReadOnlyList<SelectItem> Items, FromItem? From) : QueryNode;
