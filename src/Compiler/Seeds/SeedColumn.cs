using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Seeds;

/// <summary>One column of a seed: its name as written in the header and the SQL type it is created with.</summary>
/// <param name="Name">The header text, unchanged.</param>
/// <param name="SqlType">Inferred through the target's type map, or the column_types text as written.</param>
/// <param name="Type">The family of the .NET values in this column (<see cref="SeedType.Unknown"/>: text for the database to cast).</param>
/// <param name="Declared">The column_types entry, when there is one.</param>
/// <param name="HeaderSpan">Where the name is in the header line.</param>
internal sealed record SeedColumn(string Name, string SqlType, SeedType Type, DeclaredType? Declared, SourceSpan HeaderSpan);
