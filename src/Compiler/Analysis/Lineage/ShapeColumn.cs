namespace ModelForge.Compiler.Analysis.Lineage;

// One known output column of a relation seen while walking a query (CTE, subquery, node).
internal sealed record ShapeColumn(string Name, ColumnSource Source);
