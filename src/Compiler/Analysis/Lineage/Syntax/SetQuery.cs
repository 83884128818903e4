namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// UNION / EXCEPT / INTERSECT of two queries; ByName for DuckDB's UNION BY NAME.
internal sealed record SetQuery(SetOperator Operator, QueryNode Left, QueryNode Right, bool ByName = false) : QueryNode;
