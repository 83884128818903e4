using System.Numerics;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// A result column's DuckDB type, read once from its duckdb_logical_type (which is destroyed
/// straight away) so that reading values never calls back into the library for type facts.
internal sealed class ColumnType
{
    private static readonly ColumnType[] NoChildren = [];

    private ColumnType(DuckDbType id)
    {
        Id = id;
    }

    public DuckDbType Id { get; }

    /// DuckDB's own spelling of the type, e.g. DECIMAL(18,2), INTEGER[], STRUCT(a INTEGER).
    public string Name { get; private set; } = "";

    /// The CLR type GetValue returns for non-NULL values.
    public Type ClrType { get; private set; } = typeof(object);

    public byte Width { get; private set; }

    public byte Scale { get; private set; }

    /// The physical type behind DECIMAL and ENUM values.
    public DuckDbType Storage { get; private set; }

    public ColumnType[] Children { get; private set; } = NoChildren;

    public string[] ChildNames { get; private set; } = [];

    public ulong ArraySize { get; private set; }

    public string[] EnumValues { get; private set; } = [];

    public bool IsNested => Id is DuckDbType.List or DuckDbType.Array or DuckDbType.Struct or DuckDbType.Map;

    /// Takes ownership of logicalType and destroys it.
    public static ColumnType FromLogicalType(nint logicalType)
    {
        try
        {
            return Describe(logicalType);
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(ref logicalType);
        }
    }

    private static ColumnType Describe(nint logicalType)
    {
        var type = new ColumnType(NativeMethods.duckdb_get_type_id(logicalType));
        switch (type.Id)
        {
            case DuckDbType.Decimal:
                type.Width = NativeMethods.duckdb_decimal_width(logicalType);
                type.Scale = NativeMethods.duckdb_decimal_scale(logicalType);
                type.Storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
                break;
            case DuckDbType.Enum:
                type.Storage = NativeMethods.duckdb_enum_internal_type(logicalType);
                var size = NativeMethods.duckdb_enum_dictionary_size(logicalType);
                type.EnumValues = new string[size];
                for (var i = 0u; i < size; i++)
                {
                    type.EnumValues[i] = NativeMethods.TakeString(NativeMethods.duckdb_enum_dictionary_value(logicalType, i)) ?? "";
                }

                break;
            case DuckDbType.List:
                type.Children = [FromLogicalType(NativeMethods.duckdb_list_type_child_type(logicalType))];
                break;
            case DuckDbType.Array:
                type.Children = [FromLogicalType(NativeMethods.duckdb_array_type_child_type(logicalType))];
                type.ArraySize = NativeMethods.duckdb_array_type_array_size(logicalType);
                break;
            case DuckDbType.Map:
                type.Children =
                [
                    FromLogicalType(NativeMethods.duckdb_map_type_key_type(logicalType)),
                    FromLogicalType(NativeMethods.duckdb_map_type_value_type(logicalType)),
                ];
                break;
            case DuckDbType.Struct:
                var count = NativeMethods.duckdb_struct_type_child_count(logicalType);
                type.Children = new ColumnType[count];
                type.ChildNames = new string[count];
                for (var i = 0ul; i < count; i++)
                {
                    type.ChildNames[i] = NativeMethods.TakeString(NativeMethods.duckdb_struct_type_child_name(logicalType, i)) ?? "";
                    type.Children[i] = FromLogicalType(NativeMethods.duckdb_struct_type_child_type(logicalType, i));
                }

                break;
        }

        type.Name = NameOf(type);
        type.ClrType = ClrTypeOf(type.Id);
        return type;
    }

    private static string NameOf(ColumnType type) => type.Id switch
    {
        DuckDbType.Boolean => "BOOLEAN",
        DuckDbType.TinyInt => "TINYINT",
        DuckDbType.SmallInt => "SMALLINT",
        DuckDbType.Integer => "INTEGER",
        DuckDbType.BigInt => "BIGINT",
        DuckDbType.UTinyInt => "UTINYINT",
        DuckDbType.USmallInt => "USMALLINT",
        DuckDbType.UInteger => "UINTEGER",
        DuckDbType.UBigInt => "UBIGINT",
        DuckDbType.HugeInt => "HUGEINT",
        DuckDbType.UHugeInt => "UHUGEINT",
        DuckDbType.Float => "FLOAT",
        DuckDbType.Double => "DOUBLE",
        DuckDbType.Decimal => $"DECIMAL({type.Width},{type.Scale})",
        DuckDbType.Varchar => "VARCHAR",
        DuckDbType.Blob => "BLOB",
        DuckDbType.Date => "DATE",
        DuckDbType.Time => "TIME",
        DuckDbType.TimeNs => "TIME_NS",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbType.Timestamp => "TIMESTAMP",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.Interval => "INTERVAL",
        DuckDbType.Uuid => "UUID",
        DuckDbType.Bit => "BIT",
        DuckDbType.BigNum => "BIGNUM",
        DuckDbType.SqlNull => "\"NULL\"",
        DuckDbType.Enum => "ENUM(" + string.Join(", ", type.EnumValues.Select(v => "'" + v.Replace("'", "''") + "'")) + ")",
        DuckDbType.List => type.Children[0].Name + "[]",
        DuckDbType.Array => $"{type.Children[0].Name}[{type.ArraySize}]",
        DuckDbType.Map => $"MAP({type.Children[0].Name}, {type.Children[1].Name})",
        DuckDbType.Struct => "STRUCT(" + string.Join(", ", type.ChildNames.Select((n, i) => QuoteIfNeeded(n) + " " + type.Children[i].Name)) + ")",
        _ => type.Id.ToString().ToUpperInvariant(),
    };

    private static string QuoteIfNeeded(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return "\"" + name.Replace("\"", "\"\"") + "\"";
            }
        }

        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "\"" + name + "\"" : name;
    }

    private static Type ClrTypeOf(DuckDbType id) => id switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => typeof(BigInteger),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date => typeof(DateOnly),
        DuckDbType.Time or DuckDbType.TimeNs or DuckDbType.Interval => typeof(TimeSpan),
        DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
            or DuckDbType.TimestampTz => typeof(DateTime),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.SqlNull => typeof(object),
        _ => typeof(string),
    };
}
