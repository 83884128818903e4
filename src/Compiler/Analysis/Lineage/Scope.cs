namespace ModelForge.Compiler.Analysis.Lineage;

// The relations of one FROM clause, and the enclosing query's scope for correlated references.
internal sealed class Scope(Scope? parent)
{
    public Scope? Parent { get; } = parent;

    public List<ScopeRelation> Relations { get; } = [];

    // Columns of a JOIN … USING: one output column fed by both sides.
    public HashSet<string> Using { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ScopeRelation? Find(string name)
    {
        // The last one wins, as an alias shadows an earlier relation of the same name.
        for (var i = Relations.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Relations[i].Name, name, StringComparison.OrdinalIgnoreCase)) return Relations[i];
        }
        return null;
    }
}
