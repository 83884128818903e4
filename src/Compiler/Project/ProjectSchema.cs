namespace ModelForge.Compiler.Project;

/// <summary>All schema YAML of a project, merged in path order, with name lookups.</summary>
public sealed class ProjectSchema
{
    private readonly Dictionary<(ResourceType, string), NodeProperties> _nodes = [];
    private readonly Dictionary<(string, string), SourceTable> _sourceTables = [];

    internal ProjectSchema(IReadOnlyList<SchemaFile> files)
    {
        Files = files;
        Models = files.SelectMany(f => f.Models).ToList();
        Seeds = files.SelectMany(f => f.Seeds).ToList();
        Snapshots = files.SelectMany(f => f.Snapshots).ToList();
        Analyses = files.SelectMany(f => f.Analyses).ToList();
        Sources = files.SelectMany(f => f.Sources).ToList();
        Macros = files.SelectMany(f => f.Macros).ToList();
        UnitTests = files.SelectMany(f => f.UnitTests).ToList();
        // The first entry wins a lookup; a second one is reported as a duplicate by the loader.
        foreach (var node in Models.Concat(Seeds).Concat(Snapshots).Concat(Analyses)) _nodes.TryAdd((node.ResourceType, node.Name), node);
        foreach (var table in Sources.SelectMany(s => s.Tables)) _sourceTables.TryAdd((table.SourceName, table.Name), table);
        Tests = Models.Concat(Seeds).Concat(Snapshots)
            .SelectMany(n => n.Tests.Concat(n.Columns.SelectMany(c => c.Tests)))
            .Concat(Sources.SelectMany(s => s.Tables).SelectMany(t => t.Tests.Concat(t.Columns.SelectMany(c => c.Tests))))
            .ToList();
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
    public NodeProperties? Find(ResourceType type, string name) => _nodes.GetValueOrDefault((type, name));

    public SourceTable? FindSourceTable(string sourceName, string tableName) => _sourceTables.GetValueOrDefault((sourceName, tableName));
}
