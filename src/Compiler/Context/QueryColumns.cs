using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// <c>table.columns</c>, shaped like agate's MappedSequence: by position (<c>columns[0]</c>) or name
/// (<c>columns['id']</c>), iterated as values, with <c>keys()</c>, <c>values()</c>, <c>items()</c> and
/// <c>get()</c> (dbt_utils.get_query_results_as_dict loops over <c>items()</c>).
/// </summary>
internal sealed class QueryColumns(QueryResult table) : ReadOnlyTemplateList, ITemplateObject
{
    private readonly QueryColumn[] _columns = table.ColumnNames.Select((_, i) => new QueryColumn(table, i)).ToArray();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = table.Ordinal(name) is { } i ? _columns[i] : name switch
        {
            "keys" => new Function("keys", _ => table.ColumnNames.Cast<object?>().ToList()),
            "values" => new Function("values", _ => _columns.Cast<object?>().ToList()),
            "items" => new Function("items", _ => table.ColumnNames.Select((n, i) => (object?)new object?[] { n, _columns[i] }).ToList()),
            "get" => new Function("get", a => table.Ordinal(TemplateValues.Str(a.Get(0, "key"))) is { } i ? _columns[i] : a.Get(1, "default")),
            _ => null,
        };
        return value is not null;
    }

    public override int Count => _columns.Length;

    public override object? this[int index] => _columns[index];
}
