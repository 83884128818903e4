namespace ModelForge.Compiler.Seeds;

/// <summary>
/// What inference learned about one column.
/// </summary>
/// <param name="Type">The narrowest type every non-empty value fits.</param>
/// <param name="Precision">For <see cref="SeedType.Decimal"/>: total digits (1–38).</param>
/// <param name="Scale">For <see cref="SeedType.Decimal"/>: digits after the point.</param>
/// <param name="MaxLength">Longest value in UTF-16 code units (what NVARCHAR counts).</param>
internal readonly record struct ColumnProfile(SeedType Type, int Precision, int Scale, int MaxLength);
