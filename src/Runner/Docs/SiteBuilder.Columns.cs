using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Docs;

internal sealed partial class SiteBuilder
{
    /// <summary>Catalog columns in warehouse order, then declared columns the warehouse lacks, then lineage-only columns.</summary>
    private void AddColumns(ProjectNode node, SiteEntry entry, List<PendingDescription> descriptions)
    {
        var table = input.Catalog.Find(node.UniqueId);
        var declared = node.Properties?.Columns ?? node.SourceTable?.Columns ?? [];
        input.Lineage.TryGetValue(node.UniqueId, out var lineage);
        // Tests and most seeds have no columns at all: no table to build.
        if (table is null && declared.Count == 0 && lineage is null) return;
        // Sized up front: the catalog, the YAML and the lineage mostly name the same columns, and
        // growing 10,000 small tables showed in the site build.
        var byName = new Dictionary<string, SiteColumn>(Math.Max(table?.Columns.Count ?? 0, Math.Max(declared.Count, lineage?.Count ?? 0)), StringComparer.OrdinalIgnoreCase);
        SiteColumn Get(string name)
        {
            if (!byName.TryGetValue(name, out var column))
            {
                column = new SiteColumn(name);
                byName[name] = column;
            }
            return column;
        }

        if (table is not null)
        {
            entry.TableType = table.Type;
            foreach (var found in table.Columns)
            {
                var column = Get(found.Name);
                column.Type = found.Type;
                column.Index = found.Index;
            }
        }
        var next = 100_000;
        foreach (var property in declared)
        {
            var column = Get(property.Name);
            if (column.Index == int.MaxValue) column.Index = next++;
            column.Type ??= property.DataType;
            descriptions.Add(new(property.Description, property.Span, column));
            foreach (var test in property.Tests) column.Tests.Add(Describe(test));
        }
        if (lineage is not null)
        {
            foreach (var (name, columnLineage) in lineage)
            {
                var column = Get(name);
                if (column.Index == int.MaxValue) column.Index = next++;
                column.Lineage = columnLineage;
            }
        }
        // By index, ties in insertion order (a stable sort, as OrderBy was, without its allocations): the
        // columns mostly arrive in order already, and a node has tens of them.
        var columns = entry.Columns;
        columns.Capacity = byName.Count;
        foreach (var column in byName.Values)
        {
            var at = columns.Count;
            while (at > 0 && columns[at - 1].Index > column.Index) at--;
            columns.Insert(at, column);
        }
    }

    /// <summary>A test as a short phrase: <c>not_null</c>, <c>relationships (to: ref('dim_bikes'), field: bike_id)</c>.</summary>
    private static string Describe(TestDeclaration test)
    {
        var name = test.Namespace is null ? test.Name : $"{test.Namespace}.{test.Name}";
        // Most tests (not_null, unique) have no argument to show: their name is the phrase.
        StringBuilder? text = null;
        foreach (var (key, value) in test.Arguments)
        {
            if (key is "column_name" or "model") continue;
            text = text is null ? new StringBuilder(name).Append(" (") : text.Append(", ");
            text.Append(key).Append(": ").Append(Value(value));
        }
        return text is null ? name : text.Append(')').ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Value)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
