namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// A column name and its SQL type as the warehouse describes it (<c>DECIMAL(18,3)</c>, <c>nvarchar(50)</c>);
/// a null type means unknown, and the value is written as a plain literal instead of cast.
/// </summary>
internal sealed record TypedColumn(string Name, string? Type);
