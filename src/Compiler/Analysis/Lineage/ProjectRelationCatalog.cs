using ModelForge.Compiler.Analysis.Lineage.Syntax;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Analysis.Lineage;

// Maps relation names in compiled SQL to project nodes, matching schema and identifier without
// regard to case (refs and sources compile to "schema"."name" / [schema].[name]), and gives each
// node's known columns. Known columns grow as models are analysed in topological order.
internal sealed partial class ProjectRelationCatalog : IRelationCatalog
{
    private readonly Dictionary<(string Schema, string Identifier), List<ProjectNode>> _bySchema = new(KeyComparer.Instance);
    private readonly Dictionary<string, List<ProjectNode>> _byIdentifier = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, KnownColumns> _columns = new(StringComparer.Ordinal);

    public ProjectRelationCatalog(IEnumerable<ProjectNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.ResourceType is not (ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot or ResourceType.Source)) continue;
            if (node.Materialized == "ephemeral" || node.Relation.Identifier is not { } identifier) continue;
            if (!_bySchema.TryGetValue((node.Relation.Schema ?? "", identifier), out var same)) _bySchema[(node.Relation.Schema ?? "", identifier)] = same = [];
            same.Add(node);
            if (!_byIdentifier.TryGetValue(identifier, out var list)) _byIdentifier[identifier] = list = [];
            list.Add(node);
        }
    }

    // The nodes the model being analysed reads (its depends_on): when a seed and a source name the
    // same table, the one the model refers to is the one it reads.
    public IReadOnlyList<string> DependsOn { get; set; } = [];

    public void SetColumns(string nodeId, KnownColumns columns) => _columns[nodeId] = columns;

    public KnownColumns? ColumnsOf(string nodeId) => _columns.GetValueOrDefault(nodeId);

    public ProjectNode? FindNode(TableSource table) => FindNode(table, DependsOn);

    // As FindNode for a model whose depends_on is given rather than set: safe on several threads
    // at once while no columns are being set.
    public ProjectNode? FindNode(TableSource table, IReadOnlyList<string> dependsOn)
    {
        if (table.Schema is { } schema) return Pick(_bySchema.GetValueOrDefault((schema, table.Name)), dependsOn);
        // Unqualified: only when one node (or one the model depends on) has that identifier.
        return Pick(_byIdentifier.GetValueOrDefault(table.Name), dependsOn);
    }

    private static ProjectNode? Pick(List<ProjectNode>? candidates, IReadOnlyList<string> dependsOn)
    {
        if (candidates is null) return null;
        if (candidates.Count == 1) return candidates[0];
        var read = candidates.Where(n => dependsOn.Contains(n.UniqueId)).ToList();
        return read.Count == 1 ? read[0] : null;
    }

    public Shape Resolve(TableSource table) => Resolve(table, DependsOn);

    // As Resolve, thread-safe as FindNode(table, dependsOn) is.
    public Shape Resolve(TableSource table, IReadOnlyList<string> dependsOn)
    {
        var display = table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";
        if (FindNode(table, dependsOn) is not { } node)
        {
            return Shape.Opaque(display, NotANode);
        }
        var relation = node.Relation.Render();
        if (ColumnsOf(node.UniqueId) is not { } known)
        {
            return new Shape([], [new OpenPart(relation, node.UniqueId, UnknownColumns)]);
        }
        var columns = known.Names.Select(n => new ShapeColumn(n, ColumnSource.Direct(node.UniqueId, n))).ToList();
        IReadOnlyList<OpenPart> open = known.Complete ? []
            : [new OpenPart(relation, node.UniqueId, PartlyKnown(known))];
        return new Shape(columns, open);
    }
}
