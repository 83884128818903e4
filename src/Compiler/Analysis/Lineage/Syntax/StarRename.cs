namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// * rename (Column as NewName).
internal sealed record StarRename(string Column, string NewName);
