using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>One row of a <see cref="QueryResult"/>: <c>row[0]</c>, <c>row['name']</c>, <c>row.name</c>, iterable values.</summary>
public sealed class QueryRow : ReadOnlyTemplateList, ITemplateObject
{
    private readonly QueryResult _table;
    private readonly object?[] _values;

    internal QueryRow(QueryResult table, object?[] values)
    {
        _table = table;
        _values = values;
    }

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        if (_table.Ordinal(name) is { } i && i < _values.Length)
        {
            value = _values[i];
            return true;
        }
        value = name switch
        {
            "keys" => new Runtime.Function("keys", _ => _table.ColumnNames.Cast<object?>().ToList()),
            "values" => new Runtime.Function("values", _ => _values.ToList()),
            "items" => new Runtime.Function("items", _ => _table.ColumnNames.Select((n, j) => (object?)new object?[] { n, _values[j] }).ToList()),
            "dict" => new Runtime.Function("dict", _ => ToDictionary()),
            _ => null,
        };
        return value is not null;
    }

    public Dictionary<string, object?> ToDictionary()
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < _values.Length && i < _table.ColumnNames.Count; i++) dict[_table.ColumnNames[i]] = _values[i];
        return dict;
    }

    public override int Count => _values.Length;

    public override object? this[int index] => _values[index];

    /// <summary>Python's tuple form, e.g. <c>(1, 'a')</c>.</summary>
    public override string ToString() => TemplateValues.Repr(_values);
}
