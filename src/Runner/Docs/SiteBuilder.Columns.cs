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
            descriptions.Add(new(property.Description, property.Span, html => column.DescriptionHtml = html));
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
        entry.Columns.AddRange(byName.Values.OrderBy(c => c.Index));
    }

    /// <summary>A test as a short phrase: <c>not_null</c>, <c>relationships (to: ref('dim_bikes'), field: bike_id)</c>.</summary>
    private static string Describe(TestDeclaration test)
    {
        var text = new StringBuilder(test.Namespace is null ? test.Name : $"{test.Namespace}.{test.Name}");
        var arguments = test.Arguments.Where(a => a.Key is not ("column_name" or "model")).ToList();
        if (arguments.Count == 0) return text.ToString();
        text.Append(" (");
        var first = true;
        foreach (var (key, value) in arguments)
        {
            if (!first) text.Append(", ");
            first = false;
            text.Append(key).Append(": ").Append(Value(value));
        }
        return text.Append(')').ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Value)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
