using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>A <c>sources:</c> entry.</summary>
public sealed record SourceDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? Database { get; init; }

    /// <summary>The schema; the source name when not given (dbt's default).</summary>
    public required string Schema { get; init; }

    public string? Loader { get; init; }

    public string? LoadedAtField { get; init; }

    /// <summary>Null when the source sets none or opts out with <c>freshness: null</c>.</summary>
    public FreshnessPolicy? Freshness { get; init; }

    public IReadOnlyDictionary<string, object?> Quoting { get; init; } = Empty.Dictionary;

    public IReadOnlyDictionary<string, object?> Meta { get; init; } = Empty.Dictionary;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Config { get; init; } = Empty.Dictionary;

    /// <summary>From <c>config: {enabled: false}</c>; true by default.</summary>
    public bool Enabled { get; init; } = true;

    public IReadOnlyList<SourceTable> Tables { get; init; } = [];

    public required SourceSpan Span { get; init; }
}
