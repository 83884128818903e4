namespace ModelForge.Compiler.Seeds;

/// <summary>The kinds of column a seed can have, from narrowest to widest within each family.</summary>
internal enum SeedType
{
    /// <summary>No non-empty value seen yet (a column of only NULLs ends as <see cref="Text"/>).</summary>
    Unknown,
    Boolean,
    Integer,
    Decimal,
    Double,
    Date,
    Timestamp,
    Text,
}
