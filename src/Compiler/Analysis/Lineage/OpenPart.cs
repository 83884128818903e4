namespace ModelForge.Compiler.Analysis.Lineage;

// Columns of a relation that are there but not known by name: what `select *` over a relation of
// unknown columns lets through. A column asked for by name can still be followed to its node
// (NodeId set) because a star passes every column through unchanged; listing them cannot.
internal sealed record OpenPart(string Relation, string? NodeId, string Reason)
{
    public ColumnSource Resolve(string column) =>
        NodeId is { } node ? ColumnSource.Direct(node, column) : ColumnSource.Missing(Reason);
}
