using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project.SemanticLayer;

/// <summary>
/// One <c>metrics:</c> entry (or the simple metric a measure's <c>create_metric: true</c> makes),
/// in the manifest's shape; its input measures and dependencies are found when the project compiles.
/// </summary>
internal sealed record MetricDefinition
{
    public required string Name { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>simple, ratio, cumulative, derived or conversion.</summary>
    public required string Type { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Manifest fields in dbt's order, from description to group; <c>type_params.input_measures</c> is filled later.</summary>
    public required IReadOnlyDictionary<string, object?> Fields { get; init; }

    /// <summary>The measures it reads directly (simple, cumulative, conversion), each as a manifest <c>MetricInputMeasure</c>.</summary>
    public IReadOnlyList<(SemanticReference Reference, IReadOnlyDictionary<string, object?> Input)> Measures { get; init; } = [];

    /// <summary>The metrics it is computed from (derived, ratio).</summary>
    public IReadOnlyList<SemanticReference> InputMetrics { get; init; } = [];
}
