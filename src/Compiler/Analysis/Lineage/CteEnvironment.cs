namespace ModelForge.Compiler.Analysis.Lineage;

// CTEs in scope: a query's own WITH clause, then the enclosing queries' ones.
internal sealed class CteEnvironment(CteEnvironment? parent)
{
    private readonly Dictionary<string, Shape> _ctes = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string name, Shape shape) => _ctes[name] = shape;

    public Shape? Find(string name)
    {
        for (var env = this; env is not null; env = env.Parent)
        {
            if (env._ctes.TryGetValue(name, out var shape)) return shape;
        }
        return null;
    }

    private CteEnvironment? Parent { get; } = parent;
}
