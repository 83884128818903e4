namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// An expression reduced to what lineage needs: a bare column reference passes a value through,
// anything else computes a new value from its inputs.
internal abstract record SqlExpression;
