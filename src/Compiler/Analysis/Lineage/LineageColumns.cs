namespace ModelForge.Compiler.Analysis.Lineage;

// Puts a model's lineage into its manifest columns (NodeDictionary's shape, by name): per column
// `lineage: [{node, column, kind}]` and `unresolved` (ColumnInfo allows extra fields in dbt's v12
// schema; a node does not, so the model's output column list goes to column_lineage.json).
internal static class LineageColumns
{
    public static void Add(Dictionary<string, object?> columns, ModelLineage lineage)
    {
        foreach (var column in lineage.Columns)
        {
            // YAML may spell a column in another case than the SQL; the database does not care.
            var key = columns.Keys.FirstOrDefault(k => string.Equals(k, column.Name, StringComparison.OrdinalIgnoreCase)) ?? column.Name;
            if (columns.GetValueOrDefault(key) is not Dictionary<string, object?> entry)
            {
                columns[key] = entry = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["name"] = column.Name,
                    ["description"] = "",
                    ["data_type"] = null,
                    ["meta"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                    ["tags"] = new List<object?>(),
                };
            }
            entry["lineage"] = column.Upstream.Select(o => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["node"] = o.Node,
                ["column"] = o.Column,
                ["kind"] = o.Kind == LineageKind.Direct ? "direct" : "transformed",
            }).ToList();
            if (column.Unresolved is { } reason) entry["unresolved"] = reason;
        }
    }
}
