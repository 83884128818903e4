namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>Something in a FROM clause.</summary>
internal abstract record FromItem;
