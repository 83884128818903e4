using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary><c>table.columns</c>: by position (<c>columns[0]</c>) or name (<c>columns['id']</c>).</summary>
internal sealed class QueryColumns(QueryResult table) : ReadOnlyTemplateList, ITemplateObject
{
    private readonly QueryColumn[] _columns = table.ColumnNames.Select((_, i) => new QueryColumn(table, i)).ToArray();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = table.Ordinal(name) is { } i ? _columns[i] : name switch
        {
            "keys" => new Function("keys", _ => table.ColumnNames.Cast<object?>().ToList()),
            "values" => new Function("values", _ => _columns.Cast<object?>().ToList()),
            _ => null,
        };
        return value is not null;
    }

    public override int Count => _columns.Length;

    public override object? this[int index] => _columns[index];
}
