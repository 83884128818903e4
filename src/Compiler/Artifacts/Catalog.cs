namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// What the warehouse holds for the project's relations: catalog.json's content. Nodes whose
/// relation does not exist (not yet built, ephemeral) are absent.
/// </summary>
public sealed class Catalog
{
    public static readonly Catalog Empty = new(new Dictionary<string, CatalogTable>(), new Dictionary<string, CatalogTable>());

    public Catalog(IReadOnlyDictionary<string, CatalogTable> nodes, IReadOnlyDictionary<string, CatalogTable> sources)
    {
        Nodes = nodes;
        Sources = sources;
    }

    /// <summary>Models, seeds and snapshots by unique id.</summary>
    public IReadOnlyDictionary<string, CatalogTable> Nodes { get; }

    /// <summary>Sources by unique id.</summary>
    public IReadOnlyDictionary<string, CatalogTable> Sources { get; }

    public CatalogTable? Find(string uniqueId) =>
        Nodes.TryGetValue(uniqueId, out var table) || Sources.TryGetValue(uniqueId, out table) ? table : null;
}
