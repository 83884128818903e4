namespace ModelForge.Compiler.Analysis.Lineage.Syntax;

// Both sides of a join; UsingColumns merge into one output column each.
internal sealed record JoinSource(FromItem Left, FromItem Right) : FromItem
{
    public IReadOnlyList<string> UsingColumns { get; init; } = [];
}
