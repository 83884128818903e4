namespace ModelForge.Compiler.Compilation.SemanticLayer;

/// <summary>
/// The project's semantic layer as manifest.json holds it: semantic models, metrics and saved
/// queries by unique id (each already in dbt's shape, its depends_on resolved), in definition order.
/// </summary>
internal sealed class SemanticManifest
{
    public static readonly SemanticManifest Empty = new();

    public Dictionary<string, Dictionary<string, object?>> SemanticModels { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, object?>> Metrics { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, object?>> SavedQueries { get; } = new(StringComparer.Ordinal);

    /// <summary>Each entry's parents (unique ids), for parent_map and child_map.</summary>
    public Dictionary<string, List<string>> Parents { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Ids => SemanticModels.Keys.Concat(Metrics.Keys).Concat(SavedQueries.Keys);
}
