namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary><c>name (ColumnAliases) as (Query)</c>.</summary>
internal sealed record CommonTableExpression(string Name, IReadOnlyList<string> ColumnAliases, QueryNode Query);
