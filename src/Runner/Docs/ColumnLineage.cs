namespace ModelForge.Runner.Docs;

/// <summary>A column's upstream columns, or why they cannot be known (<c>select *</c> over an unknown relation…).</summary>
internal sealed record ColumnLineage(IReadOnlyList<ColumnOrigin> Origins, string? Unresolved);
