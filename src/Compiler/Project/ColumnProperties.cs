using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>A <c>columns:</c> entry of a model, seed, snapshot or source table.</summary>
public sealed record ColumnProperties
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? DataType { get; init; }

    /// <summary>Whether the name is quoted in SQL; null when not set.</summary>
    public bool? Quote { get; init; }

    public IReadOnlyDictionary<string, object?> Meta { get; init; } = Empty.Dictionary;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<object?> Constraints { get; init; } = [];

    public IReadOnlyList<TestDeclaration> Tests { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Raw { get; init; } = Empty.Dictionary;

    public required SourceSpan Span { get; init; }
}
