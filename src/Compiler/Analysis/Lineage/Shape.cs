namespace ModelForge.Compiler.Analysis.Lineage;

// The columns a relation produces: the ones known by name, and open parts for columns a star let
// through without naming them. Complete when there is no open part.
internal sealed record Shape(IReadOnlyList<ShapeColumn> Columns, IReadOnlyList<OpenPart> Open)
{
    public static readonly Shape Empty = new([], []);

    public bool IsComplete => Open.Count == 0;

    public ShapeColumn? Find(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)) return column;
        }
        return null;
    }

    public static Shape Opaque(string relation, string reason) => new([], [new OpenPart(relation, null, reason)]);
}
