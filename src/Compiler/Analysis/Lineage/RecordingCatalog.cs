using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

// Passes lookups to the project's catalog and remembers each relation asked for with the shape
// given: the analyzer is a function of the query and these answers, so they are what a cached
// lineage must be checked against.
internal sealed class RecordingCatalog(ProjectRelationCatalog inner) : IRelationCatalog
{
    private readonly List<LineageCache.Lookup> _lookups = [];
    private readonly List<Shape> _shapes = [];

    public IReadOnlyList<LineageCache.Lookup> Lookups => _lookups;

    public IReadOnlyList<Shape> Shapes => _shapes;

    public void Clear()
    {
        _lookups.Clear();
        _shapes.Clear();
    }

    public Shape Resolve(TableSource table)
    {
        var shape = inner.Resolve(table);
        var lookup = new LineageCache.Lookup(table.Schema, table.Name);
        if (!_lookups.Contains(lookup))
        {
            _lookups.Add(lookup);
            _shapes.Add(shape);
        }
        return shape;
    }
}
