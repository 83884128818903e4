using ModelForge.Compiler.State;

namespace ModelForge.Compiler.Graph.Selection;

/// <summary>What a command was asked to select: --select, --exclude, --selector and the --state to compare with.</summary>
public sealed record SelectionOptions
{
    /// <summary>--select values; each may hold several space-separated criteria.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>--selector NAME from selectors.yml.</summary>
    public string? Selector { get; init; }

    public SelectorsFile? Selectors { get; init; }

    /// <summary>The previous run (--state); required by state: and result: selectors.</summary>
    public StateComparison? State { get; init; }
}
