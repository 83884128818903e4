using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>A table of a source, with the source's settings it inherits already applied.</summary>
public sealed record SourceTable
{
    public required string SourceName { get; init; }

    public required string Name { get; init; }

    /// <summary>The table's name in the database; <see cref="Name"/> when not given.</summary>
    public required string Identifier { get; init; }

    public string? Description { get; init; }

    /// <summary>The description of the source the table belongs to (manifest <c>source_description</c>).</summary>
    public string? SourceDescription { get; init; }

    /// <summary>The source's <c>loader:</c>, empty when not given.</summary>
    public string Loader { get; init; } = "";

    public IReadOnlyList<ColumnProperties> Columns { get; init; } = [];

    /// <summary>The table's own, else the source's.</summary>
    public string? LoadedAtField { get; init; }

    /// <summary>The source's policy overlaid with the table's; null when neither sets one or the table opts out.</summary>
    public FreshnessPolicy? Freshness { get; init; }

    public IReadOnlyDictionary<string, object?> Quoting { get; init; } = Empty.Dictionary;

    public IReadOnlyDictionary<string, object?> Meta { get; init; } = Empty.Dictionary;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<TestDeclaration> Tests { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Config { get; init; } = Empty.Dictionary;

    /// <summary>False when the source or the table is disabled.</summary>
    public bool Enabled { get; init; } = true;

    public required SourceSpan Span { get; init; }
}
