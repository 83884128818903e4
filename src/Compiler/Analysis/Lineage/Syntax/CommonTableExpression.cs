namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// name (ColumnAliases) as (Query).
internal sealed record CommonTableExpression(string Name, IReadOnlyList<string> ColumnAliases, QueryNode Query);
