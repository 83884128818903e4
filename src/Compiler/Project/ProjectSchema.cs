namespace ModelForge.Compiler.Project;

/// <summary>All schema YAML of a project, merged in path order, with name lookups.</summary>
public sealed class ProjectSchema
{
    // Keyed by strings, not (type, name) tuples: dictionary code over reference types is compiled
    // ahead of time in the framework; a tuple key's instantiation is JIT-compiled on every cold start.
    private readonly Dictionary<string, NodeProperties>?[] _nodes = new Dictionary<string, NodeProperties>?[Enum.GetValues(typeof(ResourceType)).Length];
    private readonly Dictionary<string, Dictionary<string, SourceTable>> _sourceTables = new(StringComparer.Ordinal);

    internal ProjectSchema(IReadOnlyList<SchemaFile> files)
    {
        Files = files;
        Models = Gather(files, f => f.Models);
        Seeds = Gather(files, f => f.Seeds);
        Snapshots = Gather(files, f => f.Snapshots);
        Analyses = Gather(files, f => f.Analyses);
        Sources = Gather(files, f => f.Sources);
        Macros = Gather(files, f => f.Macros);
        UnitTests = Gather(files, f => f.UnitTests);
        // The first entry wins a lookup; a second one is reported as a duplicate by the loader.
        foreach (var nodes in (IReadOnlyList<NodeProperties>[])[Models, Seeds, Snapshots, Analyses])
        {
            foreach (var node in nodes)
                (_nodes[(int)node.ResourceType] ??= new Dictionary<string, NodeProperties>(StringComparer.Ordinal)).TryAdd(node.Name, node);
        }
        var tests = new List<TestDeclaration>();
        foreach (var nodes in (IReadOnlyList<NodeProperties>[])[Models, Seeds, Snapshots])
        {
            foreach (var node in nodes) AddTests(tests, node.Tests, node.Columns);
        }
        foreach (var source in Sources)
        {
            foreach (var table in source.Tables)
            {
                if (!_sourceTables.TryGetValue(table.SourceName, out var tables))
                    _sourceTables[table.SourceName] = tables = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
                tables.TryAdd(table.Name, table);
            }
        }
        foreach (var source in Sources)
        {
            foreach (var table in source.Tables) AddTests(tests, table.Tests, table.Columns);
        }
        Tests = tests;
    }

    private static List<T> Gather<T>(IReadOnlyList<SchemaFile> files, Func<SchemaFile, IReadOnlyList<T>> entries)
    {
        var result = new List<T>();
        foreach (var file in files) result.AddRange(entries(file));
        return result;
    }

    // An entry's own tests, then its columns' in column order.
    private static void AddTests(List<TestDeclaration> tests, IReadOnlyList<TestDeclaration> own, IReadOnlyList<ColumnProperties> columns)
    {
        tests.AddRange(own);
        foreach (var column in columns) tests.AddRange(column.Tests);
    }

    public IReadOnlyList<SchemaFile> Files { get; }

    public IReadOnlyList<NodeProperties> Models { get; }

    public IReadOnlyList<NodeProperties> Seeds { get; }

    public IReadOnlyList<NodeProperties> Snapshots { get; }

    public IReadOnlyList<NodeProperties> Analyses { get; }

    public IReadOnlyList<SourceDefinition> Sources { get; }

    public IReadOnlyList<MacroProperties> Macros { get; }

    /// <summary>Every <c>unit_tests:</c> entry, in path order.</summary>
    internal IReadOnlyList<UnitTests.UnitTestDefinition> UnitTests { get; }

    /// <summary>Every generic test declaration: node-level and column-level, of models, seeds, snapshots and source tables.</summary>
    public IReadOnlyList<TestDeclaration> Tests { get; }

    /// <summary>The YAML entry of a model, seed, snapshot or analysis; null when it has none.</summary>
    public NodeProperties? Find(ResourceType type, string name) => _nodes[(int)type]?.GetValueOrDefault(name);

    public SourceTable? FindSourceTable(string sourceName, string tableName) =>
        _sourceTables.TryGetValue(sourceName, out var tables) ? tables.GetValueOrDefault(tableName) : null;
}
