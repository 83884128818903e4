namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary><c>* replace (Expression as Column)</c>.</summary>
internal sealed record StarReplacement(string Column, SqlExpression Expression);
