namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// * replace (Expression as Column).
internal sealed record StarReplacement(string Column, SqlExpression Expression);
