namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// Something in a FROM clause.
internal abstract record FromItem;
