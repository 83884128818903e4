namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary><c>* rename (Column as NewName)</c>.</summary>
internal sealed record StarRename(string Column, string NewName);
