using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>A relation's column, as <c>adapter.get_columns_in_relation()</c> returns it (dbt's Column).</summary>
/// <param name="DataType">The type as the database names it, e.g. <c>VARCHAR</c>, <c>decimal(18,2)</c>.</param>
public sealed record Column(
    string Name,
    string DataType,
    long? CharSize = null,
    long? NumericPrecision = null,
    long? NumericScale = null) : ITemplateObject
{
    /// <summary>Quote characters for <c>column.quoted</c>.</summary>
    public RelationQuoting Quoting { get; init; } = RelationQuoting.DuckDb;

    private string BaseType
    {
        get
        {
            var paren = DataType.IndexOf('(');
            return (paren < 0 ? DataType : DataType[..paren]).Trim().ToLowerInvariant();
        }
    }

    public bool IsString => BaseType is "varchar" or "nvarchar" or "char" or "nchar" or "text" or "ntext" or "string" or "character varying" or "character" or "bpchar";

    public bool IsInteger => BaseType is "integer" or "int" or "bigint" or "smallint" or "tinyint" or "hugeint" or "int2" or "int4" or "int8" or "ubigint" or "uinteger" or "usmallint" or "utinyint";

    public bool IsFloat => BaseType is "float" or "double" or "real" or "float4" or "float8" or "double precision";

    public bool IsNumeric => BaseType is "numeric" or "decimal" or "money" or "smallmoney";

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" or "column" => Name,
            "data_type" or "dtype" => DataType,
            "char_size" => CharSize,
            "numeric_precision" => NumericPrecision,
            "numeric_scale" => NumericScale,
            "quoted" => Quoting.Quote(Name),
            "is_string" => new Function("is_string", _ => IsString),
            "is_number" => new Function("is_number", _ => IsInteger || IsFloat || IsNumeric),
            "is_numeric" => new Function("is_numeric", _ => IsNumeric),
            "is_integer" => new Function("is_integer", _ => IsInteger),
            "is_float" => new Function("is_float", _ => IsFloat),
            _ => null,
        };
        return value is not null || name is "char_size" or "numeric_precision" or "numeric_scale";
    }

    public override string ToString() => $"<Column {Name} ({DataType})>";
}
