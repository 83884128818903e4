using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>One <c>groups:</c> entry: a name and an owner that private models are scoped to.</summary>
internal sealed record GroupDefinition
{
    public required string Name { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>The owner as written (<c>name</c>, <c>email</c> and any other keys).</summary>
    public IReadOnlyDictionary<string, object?> Owner { get; init; } = Empty.Dictionary;

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, object?> Meta { get; init; } = Empty.Dictionary;
}
