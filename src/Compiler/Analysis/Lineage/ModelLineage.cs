namespace ModelForge.Compiler.Analysis.Lineage;

/// <summary>
/// The output columns of a model, in select-list order, each with its upstream columns.
/// <see cref="Unresolved"/> is set when the column list itself is incomplete or unknown (a
/// <c>select *</c> over a relation whose columns are unknown, SQL that did not parse); null otherwise.
/// </summary>
public sealed record ModelLineage(string NodeId, IReadOnlyList<ColumnLineage> Columns, string? Unresolved)
{
    /// <summary>The output column named <paramref name="name"/> (case-insensitive), or null.</summary>
    public ColumnLineage? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
