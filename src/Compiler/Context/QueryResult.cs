using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Rows a query returned, shaped like the agate table dbt hands to templates: <c>.rows</c> (each
/// row indexable by position and column name), <c>.columns</c> (by position or name, each with
/// <c>.values()</c>), <c>.column_names</c>, <c>.print_table()</c>. Iterating it yields the rows.
/// </summary>
public sealed partial class QueryResult : ReadOnlyTemplateList, ITemplateObject
{
    private readonly Dictionary<string, int> _ordinals;
    private QueryColumns? _columns;
    private List<object?>? _rows;

    /// <summary>Values are converted with <see cref="TemplateValues.FromDotNet"/>.</summary>
    public QueryResult(IReadOnlyList<string> columnNames, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? columnTypes = null)
    {
        ColumnNames = columnNames;
        ColumnTypes = columnTypes ?? columnNames.Select(_ => "").ToArray();
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columnNames.Count; i++) _ordinals.TryAdd(columnNames[i], i);
        Rows = rows.Select(r => new QueryRow(this, r.Select(TemplateValues.FromDotNet).ToArray())).ToArray();
    }

    public static QueryResult Empty { get; } = new([], []);

    public IReadOnlyList<string> ColumnNames { get; }

    public IReadOnlyList<string> ColumnTypes { get; }

    public IReadOnlyList<QueryRow> Rows { get; }

    internal int? Ordinal(string column) => _ordinals.TryGetValue(column, out var i) ? i : null;

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "rows" => _rows ??= Rows.Cast<object?>().ToList(),
            "columns" => _columns ??= new QueryColumns(this),
            "column_names" => ColumnNames.Cast<object?>().ToList(),
            "column_types" => ColumnTypes.Cast<object?>().ToList(),
            "print_table" => new Function(name, PrintTable),
            "print_json" or "print_csv" => new Function(name, _ => ""),
            "__len__" => new Function("__len__", _ => (long)Rows.Count),
            _ => null,
        };
        return value is not null;
    }

    public override int Count => Rows.Count;

    public override object? this[int index] => Rows[index];

    public override string ToString() => $"<QueryResult {ColumnNames.Count} columns, {Rows.Count} rows>";
}
