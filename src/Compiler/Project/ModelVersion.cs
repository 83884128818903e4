namespace ModelForge.Compiler.Project;

/// <summary>
/// One entry of a model's <c>versions:</c> list: which file defines it, its number, the model's
/// latest version and the config the entry adds to the model's.
/// </summary>
internal sealed record ModelVersion(NodeProperties Model, int V, int Latest, string FileName, DateTimeOffset? DeprecationDate,
    IReadOnlyDictionary<string, object?> Config, IReadOnlyList<object?>? Columns)
{
    /// <summary>dbt's <c>prerelease</c>/<c>latest</c>/<c>old</c> classification for selectors.</summary>
    public string Kind => V > Latest ? "prerelease" : V == Latest ? "latest" : "old";
}
