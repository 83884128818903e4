namespace ModelForge.Compiler.Analysis.Lineage;

/// <summary>
/// The upstream columns of one output column of a model. <see cref="Upstream"/> is empty for a
/// column computed from literals only. <see cref="Unresolved"/> says why some or all of its
/// origins could not be found; null when every origin is known.
/// </summary>
public sealed record ColumnLineage(string Name, IReadOnlyList<ColumnOrigin> Upstream, string? Unresolved);
