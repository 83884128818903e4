namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>
/// An expression reduced to what lineage needs: a bare column reference passes a value through,
/// anything else computes a new value from its inputs.
/// </summary>
internal abstract record SqlExpression;
