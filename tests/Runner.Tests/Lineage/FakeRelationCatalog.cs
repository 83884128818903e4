using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>Upstream tables by name (schema ignored), each standing for node <c>model.test.NAME</c>.</summary>
internal sealed class FakeRelationCatalog : IRelationCatalog
{
    private readonly Dictionary<string, Shape> _tables = new(StringComparer.OrdinalIgnoreCase);

    public FakeRelationCatalog With(string table, params string[] columns)
    {
        var node = NodeId(table);
        _tables[table] = new Shape(columns.Select(c => new ShapeColumn(c, ColumnSource.Direct(node, c))).ToList(), []);
        return this;
    }

    /// <summary>A node whose columns nobody knows (no catalog, no YAML).</summary>
    public FakeRelationCatalog WithUnknown(string table)
    {
        _tables[table] = new Shape([], [new OpenPart($"main.{table}", NodeId(table), "its columns are unknown")]);
        return this;
    }

    public static string NodeId(string table) => $"model.test.{table}";

    public Shape Resolve(TableSource table) =>
        _tables.TryGetValue(table.Name, out var shape) ? shape : Shape.Opaque(table.Name, "it is not a node of this project");
}
