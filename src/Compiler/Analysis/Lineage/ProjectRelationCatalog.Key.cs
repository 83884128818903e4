using System.Text;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

internal sealed partial class ProjectRelationCatalog
{
    private const string UnknownColumns = "its columns are unknown (not in the catalog, not declared in YAML)";
    private const string NotANode = "it is not a node of this project (read without ref() or source())";

    // What LineageCache.KeyOf appends for Resolve(table, dependsOn)'s shape, without making the shape: checking a
    // cached model's lookups made a column, a source and a list per column of every table read (most of the
    // 95 MB a fully cached lineage pass allocated at 10,000 models). Kept beside AppendKey(Shape) so the two
    // cannot drift; a text that differed would only cost a parse (the cache would not hold), never a wrong lineage.
    public void AppendKey(StringBuilder text, TableSource table, IReadOnlyList<string> dependsOn)
    {
        if (FindNode(table, dependsOn) is not { } node)
        {
            AppendOpen(text, table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}", null, NotANode);
            return;
        }
        if (ColumnsOf(node.UniqueId) is not { } known)
        {
            AppendOpen(text, node.Relation.Render(), node.UniqueId, UnknownColumns);
            return;
        }
        foreach (var name in known.Names)
        {
            text.Append("c\u0002").Append(name);
            text.Append('\u0002').Append(node.UniqueId).Append('\u0003').Append(name).Append('\u0003').Append((int)LineageKind.Direct);
            text.Append('\u0001');
        }
        if (!known.Complete) AppendOpen(text, node.Relation.Render(), node.UniqueId, PartlyKnown(known));
    }

    // A shape as LineageCache.KeyOf keys it.
    public static void AppendKey(StringBuilder text, Shape shape)
    {
        foreach (var column in shape.Columns)
        {
            text.Append("c\u0002").Append(column.Name);
            foreach (var origin in column.Source.Origins) text.Append('\u0002').Append(origin.Node).Append('\u0003').Append(origin.Column).Append('\u0003').Append((int)origin.Kind);
            foreach (var reason in column.Source.Unresolved) text.Append("\u0002r").Append(reason);
            text.Append('\u0001');
        }
        foreach (var open in shape.Open) AppendOpen(text, open.Relation, open.NodeId, open.Reason);
    }

    private static void AppendOpen(StringBuilder text, string relation, string? nodeId, string reason) =>
        text.Append("o\u0002").Append(relation).Append('\u0002').Append(nodeId).Append('\u0002').Append(reason).Append('\u0001');

    private static string PartlyKnown(KnownColumns known) => $"only some of its columns are known ({known.Origin})";
}
