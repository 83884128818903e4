using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>One column of a query result: <c>.name</c>, <c>.data_type</c>, <c>.values()</c>; iterable values.</summary>
internal sealed class QueryColumn(QueryResult table, int ordinal) : ReadOnlyTemplateList, ITemplateObject
{
    public string Name => table.ColumnNames[ordinal];

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" => Name,
            "data_type" => table.ColumnTypes[ordinal],
            "values" => new Function("values", _ => this.ToList()),
            "values_distinct" => new Function("values_distinct", _ => this.Distinct().ToList()),
            "values_without_nulls" => new Function("values_without_nulls", _ => this.Where(v => v is not null).ToList()),
            _ => null,
        };
        return value is not null;
    }

    public override int Count => table.Rows.Count;

    public override object? this[int index] => table.Rows[index][ordinal];

    public override string ToString() => $"<Column {Name}>";
}
