using System.Text.Json;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Compilation;
using ColumnLineage = ModelForge.Runner.Docs.ColumnLineage;
using ColumnOrigin = ModelForge.Runner.Docs.ColumnOrigin;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Reads column-level lineage from manifest.json: under each node,
/// <c>columns.&lt;name&gt;.lineage</c> is a list of <c>{node, column, kind}</c> with kind
/// "direct" or "transformed", and <c>unresolved</c> gives the reason when the origin is unknown.
/// Reading the written manifest keeps the site independent of how the analysis is computed.
/// </summary>
internal static class ColumnLineageReader
{
    /// <summary>By node unique id, then column name.</summary>
    public static Dictionary<string, Dictionary<string, ColumnLineage>> Read(JsonElement manifest)
    {
        var result = new Dictionary<string, Dictionary<string, ColumnLineage>>(StringComparer.Ordinal);
        if (manifest.ValueKind != JsonValueKind.Object || !manifest.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Object) return result;
        foreach (var node in nodes.EnumerateObject())
        {
            if (node.Value.ValueKind != JsonValueKind.Object || !node.Value.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object) continue;
            Dictionary<string, ColumnLineage>? byColumn = null;
            foreach (var column in columns.EnumerateObject())
            {
                if (Column(column.Value) is not { } lineage) continue;
                byColumn ??= new Dictionary<string, ColumnLineage>(StringComparer.OrdinalIgnoreCase);
                byColumn[column.Name] = lineage;
            }
            if (byColumn is not null) result[node.Name] = byColumn;
        }
        return result;
    }

    /// <summary>
    /// The same shape from the analysis itself, when generate has just computed it: reading the
    /// manifest back cost seconds at 10,000 models. Equal to <see cref="ReadFile"/> on the manifest
    /// written from <paramref name="models"/>.
    /// </summary>
    public static Dictionary<string, Dictionary<string, ColumnLineage>> From(IReadOnlyDictionary<string, ModelLineage> models)
    {
        // Hundreds of thousands of columns at 10,000 models: converted on all cores, then indexed in the models' order.
        var all = models.ToArray();
        var converted = new Dictionary<string, ColumnLineage>?[all.Length];
        ParallelLoop.For(all.Length, i => converted[i] = Convert(all[i].Value));
        var result = new Dictionary<string, Dictionary<string, ColumnLineage>>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            if (converted[i] is { } byColumn) result[all[i].Key] = byColumn;
        }
        return result;
    }

    private static Dictionary<string, ColumnLineage>? Convert(ModelLineage model)
    {
        if (model.Columns.Count == 0) return null;
        var byColumn = new Dictionary<string, ColumnLineage>(model.Columns.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var column in model.Columns)
        {
            var origins = new ColumnOrigin[column.Upstream.Count];
            for (var i = 0; i < origins.Length; i++)
            {
                var o = column.Upstream[i];
                origins[i] = new ColumnOrigin(o.Node, o.Column, o.Kind != LineageKind.Direct);
            }
            byColumn[column.Name] = new ColumnLineage(origins, column.Unresolved);
        }
        return byColumn;
    }

    public static Dictionary<string, Dictionary<string, ColumnLineage>> ReadFile(string path)
    {
        if (!File.Exists(path)) return new(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return Read(document.RootElement);
    }

    private static ColumnLineage? Column(JsonElement column)
    {
        if (column.ValueKind != JsonValueKind.Object) return null;
        string? unresolved = String(column, "unresolved");
        var origins = new List<ColumnOrigin>();
        if (column.TryGetProperty("lineage", out var lineage))
        {
            if (lineage.ValueKind == JsonValueKind.Object)
            {
                // Tolerate the list being wrapped: {"upstream": [...], "unresolved": "..."}.
                unresolved ??= String(lineage, "unresolved");
                if (lineage.TryGetProperty("upstream", out var upstream)) lineage = upstream;
            }
            if (lineage.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in lineage.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    if (String(item, "unresolved") is { } reason) unresolved ??= reason;
                    var node = String(item, "node");
                    var name = String(item, "column");
                    if (node is null || name is null) continue;
                    origins.Add(new ColumnOrigin(node, name, String(item, "kind") != "direct"));
                }
            }
        }
        else if (unresolved is null)
        {
            return null;
        }
        return new ColumnLineage(origins, unresolved);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
