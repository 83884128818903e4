using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project.SemanticLayer;

/// <summary>One <c>saved_queries:</c> entry in the manifest's shape; its metrics are resolved when the project compiles.</summary>
internal sealed record SavedQueryDefinition
{
    public required string Name { get; init; }

    public required SourceSpan Span { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Manifest fields in dbt's order: query_params, exports, description, label, metadata, config, unrendered_config, group; tags last.</summary>
    public required IReadOnlyDictionary<string, object?> Fields { get; init; }

    public IReadOnlyList<SemanticReference> Metrics { get; init; } = [];
}
