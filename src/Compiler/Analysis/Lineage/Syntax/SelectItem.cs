namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// One entry of a select list. Name is the output column name the database gives
// it (the alias, or the column's own name); null when the front-end cannot tell.
internal sealed record SelectItem(SqlExpression Expression, string? Name);
