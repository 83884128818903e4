using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>A <c>macros:</c> entry of schema YAML (documentation for a macro).</summary>
public sealed record MacroProperties
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The <c>arguments:</c> list, raw (name, type, description).</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Meta { get; init; } = Empty.Dictionary;

    public required SourceSpan Span { get; init; }
}
