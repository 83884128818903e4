namespace ModelForge.Compiler.Analysis.Lineage;

/// <summary>One upstream column that a model column is computed from.</summary>
/// <param name="Node">Unique id of the upstream node (model, seed, snapshot or source).</param>
/// <param name="Column">The upstream column's name, as that node spells it when known.</param>
/// <param name="Kind">Passed through directly or transformed.</param>
public sealed record ColumnOrigin(string Node, string Column, LineageKind Kind);
