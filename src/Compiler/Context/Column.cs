using System.Globalization;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

/// <summary>
/// A relation's column, as <c>adapter.get_columns_in_relation()</c> and <c>api.Column(...)</c> give it
/// (dbt's Column, with the target's rules from <see cref="ColumnFlavor"/>).
/// </summary>
/// <param name="DataType">dbt's <c>dtype</c>: the type as the database names it, e.g. <c>VARCHAR</c>, <c>decimal</c>.</param>
public sealed record Column(
    string Name,
    string DataType,
    long? CharSize = null,
    long? NumericPrecision = null,
    long? NumericScale = null) : ITemplateObject
{
    /// <summary>Quote characters for <c>column.quoted</c>.</summary>
    public RelationQuoting Quoting { get; init; } = RelationQuoting.DuckDb;

    internal ColumnFlavor Flavor { get; init; } = ColumnFlavor.DuckDb;

    private string Lower => DataType.ToLowerInvariant();

    public bool IsString => Flavor.StringTypes.Contains(Lower);

    public bool IsInteger => Flavor.IntegerTypes.Contains(Lower);

    public bool IsFloat => Flavor.FloatTypes.Contains(Lower);

    public bool IsNumeric => Flavor.NumericTypes.Contains(Lower);

    public bool IsNumber => IsInteger || IsNumeric || IsFloat;

    /// <summary>The size of a string column (null when it is not one): the reported size, else the target's default.</summary>
    public long? StringSize =>
        !IsString ? null
        : (Flavor.TextHasDefaultSize && DataType == "text") || CharSize is null ? Flavor.DefaultStringSize
        : CharSize;

    /// <summary>dbt's <c>data_type</c>: strings with their size, numerics with precision and scale, else the dtype.</summary>
    public string FullDataType =>
        Flavor.FixedTypes.TryGetValue(Lower, out var fixedType) ? fixedType
        : StringSize is { } size ? Flavor.StringType(size)
        : IsNumeric && NumericPrecision is { } p && NumericScale is { } s ? NumericType(DataType, p, s)
        : DataType;

    internal static string NumericType(string dtype, object? precision, object? scale) =>
        precision is null || scale is null ? dtype : $"{dtype}({TemplateValues.Str(precision)},{TemplateValues.Str(scale)})";

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" or "column" => Name,
            "dtype" => DataType,
            "data_type" or "expanded_data_type" => FullDataType,
            "char_size" => CharSize,
            "numeric_precision" => NumericPrecision,
            "numeric_scale" => NumericScale,
            "quoted" => Quoting.Quote(Name),
            "is_string" => new Function("is_string", _ => IsString),
            "is_number" => new Function("is_number", _ => IsNumber),
            "is_numeric" => new Function("is_numeric", _ => IsNumeric),
            "is_integer" => new Function("is_integer", _ => IsInteger),
            "is_float" => new Function("is_float", _ => IsFloat),
            "string_size" => new Function("string_size", a => StringSize ?? throw ContextErrors.ColumnNotString(this, a.CallSpan)),
            "can_expand_to" => new Function("can_expand_to", CanExpandTo),
            "literal" => new Function("literal", a => Flavor.Literal(TemplateValues.Str(Args.Value(a, 0, "value", "literal", "column.literal('x')")), FullDataType)),
            _ => ColumnApi.ClassMember(Flavor, Quoting, name),
        };
        return value is not null || name is "char_size" or "numeric_precision" or "numeric_scale";
    }

    // True when both are strings and the other is longer, as dbt decides whether to widen a column.
    private object? CanExpandTo(CallArguments a)
    {
        var other = Args.Value(a, 0, "other_column", "can_expand_to", "column.can_expand_to(other_column)");
        return other is Column column && StringSize is { } mine && column.StringSize is { } theirs && theirs > mine;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"<Column {Name} ({DataType})>");
}
