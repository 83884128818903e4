using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>A model, seed, snapshot or analysis entry of schema YAML.</summary>
public sealed record NodeProperties
{
    public required ResourceType ResourceType { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The entry's <c>config:</c> mapping, as written.</summary>
    public IReadOnlyDictionary<string, object?> Config { get; init; } = Empty.Dictionary;

    public IReadOnlyList<ColumnProperties> Columns { get; init; } = [];

    /// <summary>Tests declared on the node itself (column tests are on their columns).</summary>
    public IReadOnlyList<TestDeclaration> Tests { get; init; } = [];

    /// <summary>Model-level constraints, raw.</summary>
    public IReadOnlyList<object?> Constraints { get; init; } = [];

    /// <summary>The <c>docs:</c> mapping (show, node_color), raw.</summary>
    public IReadOnlyDictionary<string, object?> Docs { get; init; } = Empty.Dictionary;

    public IReadOnlyDictionary<string, object?> Meta { get; init; } = Empty.Dictionary;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Access { get; init; }

    public string? Group { get; init; }

    /// <summary>The whole entry as written, for properties not modelled here (versions, latest_version, …).</summary>
    public IReadOnlyDictionary<string, object?> Raw { get; init; } = Empty.Dictionary;

    /// <summary>Where the entry starts (its <c>- name:</c> item).</summary>
    public required SourceSpan Span { get; init; }
}
