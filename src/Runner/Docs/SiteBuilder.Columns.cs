using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Docs;

internal sealed partial class SiteBuilder
{
    // Declared columns the catalog lacks are numbered from here, in order; lineage-only columns after them.
    private const int FirstDeclared = 100_000;

    /// <summary>Catalog columns in warehouse order, then declared columns the warehouse lacks (lineage-only columns: <see cref="AddLineage"/>).</summary>
    private void AddColumns(ProjectNode node, SiteEntry entry, List<PendingDescription> descriptions)
    {
        var table = input.Catalog.Find(node.UniqueId);
        var declared = node.Properties?.Columns ?? node.SourceTable?.Columns ?? [];
        // Tests and most seeds have no columns at all: no table to build.
        if (table is null && declared.Count == 0) return;
        // The columns in the order first named, found by name without regard to case: by looking through them while
        // there are few (a node has tens; a table per node showed in the site build's allocation), else by a table.
        var columns = entry.Columns;
        columns.Capacity = Math.Max(table?.Columns.Count ?? 0, declared.Count);
        Dictionary<string, SiteColumn>? byName = null;
        SiteColumn Get(string name)
        {
            if (byName is null && columns.Count >= LookThrough) byName = ByName(columns);
            if ((byName is null ? Find(columns, name) : byName.GetValueOrDefault(name)) is not { } column)
            {
                column = new SiteColumn(name);
                columns.Add(column);
                byName?.Add(name, column);
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
        var next = FirstDeclared;
        foreach (var property in declared)
        {
            var column = Get(property.Name);
            if (column.Index == int.MaxValue) column.Index = next++;
            column.Type ??= property.DataType;
            descriptions.Add(new(property.Description, property.Span, column));
            foreach (var test in property.Tests) column.AddTest(Describe(test));
        }
        // By index, ties in the order first named (a stable sort, as OrderBy was, without its allocations).
        for (var i = 1; i < columns.Count; i++)
        {
            var column = columns[i];
            var at = i;
            for (; at > 0 && columns[at - 1].Index > column.Index; at--) columns[at] = columns[at - 1];
            columns[at] = column;
        }
    }

    // Columns looked through by name up to this many; past it, a table.
    private const int LookThrough = 16;

    /// <summary>
    /// Each node's lineage on its columns: a column of that name (without regard to case) gets it, and the others are
    /// appended in the lineage's order. The pages are as if the lineage had been merged with the catalog and YAML
    /// columns at once: lineage-only columns number after every declared one, so a stable sort puts them last either way.
    /// </summary>
    private void AddLineage(IReadOnlyDictionary<string, Dictionary<string, ColumnLineage>> lineage)
    {
        var nodes = lineage.ToArray();
        // Each entry is changed by one iteration alone.
        ParallelLoop.For(nodes.Length, k =>
        {
            if (!_index.TryGetValue(nodes[k].Key, out var at)) return;
            var columns = _entries[at].Columns;
            // Declared columns the catalog lacked were numbered from FirstDeclared on, one each.
            var next = FirstDeclared;
            foreach (var column in columns)
            {
                if (column.Index >= FirstDeclared) next++;
            }
            var byName = columns.Count > LookThrough ? ByName(columns) : null;
            foreach (var (name, columnLineage) in nodes[k].Value)
            {
                var column = byName is null ? Find(columns, name) : byName.GetValueOrDefault(name);
                if (column is null)
                {
                    column = new SiteColumn(name) { Index = next++ };
                    InsertByIndex(columns, column);
                    byName?.Add(name, column);
                }
                column.Lineage = columnLineage;
            }
        });
    }

    private static Dictionary<string, SiteColumn> ByName(List<SiteColumn> columns)
    {
        var byName = new Dictionary<string, SiteColumn>(columns.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns) byName.TryAdd(column.Name, column);
        return byName;
    }

    private static SiteColumn? Find(List<SiteColumn> columns, string name)
    {
        foreach (var column in columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)) return column;
        }
        return null;
    }

    // By index, ties in insertion order (a stable sort, as OrderBy was, without its allocations): the columns mostly
    // arrive in order already, and a node has tens of them.
    private static void InsertByIndex(List<SiteColumn> columns, SiteColumn column)
    {
        var at = columns.Count;
        while (at > 0 && columns[at - 1].Index > column.Index) at--;
        columns.Insert(at, column);
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
