namespace ModelForge.Compiler.Artifacts;

/// <summary>A column of a relation as the warehouse reports it.</summary>
/// <param name="Index">1-based position in the relation.</param>
public sealed record CatalogColumn(string Name, string Type, int Index);
