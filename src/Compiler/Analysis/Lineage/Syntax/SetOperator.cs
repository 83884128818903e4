namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

internal enum SetOperator
{
    Union,
    Except,
    Intersect,
}
