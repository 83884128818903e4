using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Runner.Docs;

/// <summary>Everything the site is built from: the compiled project and what generate gathered around it.</summary>
internal sealed record DocsInput
{
    public required CompiledProject Project { get; init; }

    public Catalog Catalog { get; init; } = Catalog.Empty;

    /// <summary>Compiled SQL by unique id.</summary>
    public IReadOnlyDictionary<string, string> CompiledSql { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, NodeRunResult> RunResults { get; init; } = new Dictionary<string, NodeRunResult>();

    /// <summary>By node unique id, then column name (from manifest.json).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, ColumnLineage>> Lineage { get; init; } = new Dictionary<string, Dictionary<string, ColumnLineage>>();

    /// <summary>The graph's layout, when started ahead (generate starts it before compiling); null lays it out with the site.</summary>
    public Task<SiteGraph>? Graph { get; init; }

    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.UtcNow;
}
