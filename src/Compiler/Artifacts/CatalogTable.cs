namespace ModelForge.Compiler.Artifacts;

/// <summary>One relation of the warehouse matched to a node (model, seed, snapshot or source).</summary>
/// <param name="Type">The warehouse's own word for it: <c>BASE TABLE</c>, <c>VIEW</c>…</param>
public sealed record CatalogTable(string UniqueId, string? Database, string Schema, string Name, string Type, IReadOnlyList<CatalogColumn> Columns)
{
    /// <summary>The column called <paramref name="name"/>, compared case-insensitively as warehouses do.</summary>
    public CatalogColumn? Column(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)) return column;
        }
        return null;
    }
}
