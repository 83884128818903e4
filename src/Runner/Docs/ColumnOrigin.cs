namespace ModelForge.Runner.Docs;

/// <summary>One upstream column a column is computed from.</summary>
/// <param name="Transformed">False when the value is passed through unchanged (kind "direct").</param>
internal sealed record ColumnOrigin(string Node, string Column, bool Transformed);
