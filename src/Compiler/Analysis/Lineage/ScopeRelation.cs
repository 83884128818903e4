namespace ModelForge.Compiler.Analysis.Lineage;

// A relation visible in a FROM scope under Name (its alias, else its own name).
internal sealed record ScopeRelation(string Name, Shape Shape);
