namespace ModelForge.Runner.Docs;

/// <summary>Where a search term was found; a bit mask in the index, so the page can rank and explain hits.</summary>
[Flags]
internal enum SearchField
{
    None = 0,
    Name = 1,
    Column = 2,
    Description = 4,
    Sql = 8,
}
