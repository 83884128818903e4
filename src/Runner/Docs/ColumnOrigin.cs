namespace ModelForge.Runner.Docs;

/// <summary>One upstream column a column is computed from; a struct: a 10,000-model project has ~240,000 of them.</summary>
/// <param name="Transformed">False when the value is passed through unchanged (kind "direct").</param>
internal readonly record struct ColumnOrigin(string Node, string Column, bool Transformed);
