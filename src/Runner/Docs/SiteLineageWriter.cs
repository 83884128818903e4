using System.Text.Json;
using ModelForge.Compiler.Artifacts;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes the column lineage of the whole project (<c>forge-lineage.js</c>, loaded when a column's
/// lineage is opened): <c>forgeLineage([[node index, column, [[upstream node id, column, 1 when
/// transformed], …], unresolved?], …])</c>. Downstream walks need every column's upstream list, so
/// this file is one piece rather than per node.
/// </summary>
internal static class SiteLineageWriter
{
    public const string FileName = "forge-lineage.js";

    /// <summary>
    /// Every (node, column) that some column lists upstream: by node id, the column names lower-cased (invariant).
    /// Per node rather than one "node\0column" string per upstream column: hundreds of thousands of those at 10,000 models.
    /// </summary>
    public static Dictionary<string, HashSet<string>> Referenced(SiteContent content)
    {
        var byNode = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in content.Entries)
        {
            foreach (var column in entry.Columns)
            {
                foreach (var origin in column.Lineage?.Origins ?? [])
                {
                    if (!byNode.TryGetValue(origin.Node, out var columns)) byNode[origin.Node] = columns = new HashSet<string>(StringComparer.Ordinal);
                    columns.Add(origin.Column.ToLowerInvariant());
                }
            }
        }
        return byNode;
    }

    public static bool IsReferenced(Dictionary<string, HashSet<string>> referenced, string node, string column) =>
        referenced.TryGetValue(node, out var columns) && columns.Contains(column.ToLowerInvariant());

    public static void Write(Stream stream, SiteContent content)
    {
        stream.Write("forgeLineage("u8);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            for (var i = 0; i < content.Entries.Count; i++)
            {
                foreach (var column in content.Entries[i].Columns)
                {
                    if (column.Lineage is not { } lineage) continue;
                    json.WriteStartArray();
                    json.WriteNumberValue(i);
                    json.WriteStringValue(column.Name);
                    json.WriteStartArray();
                    foreach (var origin in lineage.Origins)
                    {
                        json.WriteStartArray();
                        json.WriteStringValue(origin.Node);
                        json.WriteStringValue(origin.Column);
                        json.WriteNumberValue(origin.Transformed ? 1 : 0);
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                    if (lineage.Unresolved is { } reason) json.WriteStringValue(reason);
                    json.WriteEndArray();
                }
                JsonFlush.IfFull(json);
            }
            json.WriteEndArray();
        }
        stream.Write(");\n"u8);
    }
}
