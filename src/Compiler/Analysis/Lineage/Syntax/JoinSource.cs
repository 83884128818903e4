namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

/// <summary>Both sides of a join; <see cref="UsingColumns"/> merge into one output column each.</summary>
internal sealed record JoinSource(FromItem Left, FromItem Right) : FromItem
{
    public IReadOnlyList<string> UsingColumns { get; init; } = [];
}
