namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>UNION / EXCEPT / INTERSECT of two queries; <see cref="ByName"/> for DuckDB's UNION BY NAME.</summary>
internal sealed record SetQuery(SetOperator Operator, QueryNode Left, QueryNode Right, bool ByName = false) : QueryNode;
