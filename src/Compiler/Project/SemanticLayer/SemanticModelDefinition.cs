using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project.SemanticLayer;

/// <summary>
/// One <c>semantic_models:</c> entry, its entities, measures and dimensions already in the
/// manifest's shape; the model it reads is resolved when the project compiles.
/// </summary>
internal sealed record SemanticModelDefinition
{
    public required string Name { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>The <c>model:</c> value as written (<c>ref('orders')</c>); null when missing.</summary>
    public string? Model { get; init; }

    public SourceSpan? ModelSpan { get; init; }

    public bool Enabled { get; init; } = true;

    public string? Group { get; init; }

    /// <summary>
    /// The manifest fields known from the YAML alone, in dbt's order: description, label, defaults,
    /// entities, measures, dimensions, metadata; config, unrendered_config, primary_entity, group.
    /// </summary>
    public required IReadOnlyDictionary<string, object?> Fields { get; init; }

    public IReadOnlyList<string> MeasureNames { get; init; } = [];
}
