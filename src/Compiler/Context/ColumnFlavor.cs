using System.Globalization;

namespace ModelForge.Compiler.Context;

/// <summary>
/// What differs between targets' Column classes (dbt-duckdb's DuckDBColumn, dbt-sqlserver's
/// SQLServerColumn): which type names count as strings and numbers, how a sized string type and a
/// literal are written, and the type labels <c>api.Column.translate_type</c> maps. Data, not code
/// paths, so a new target is one more instance.
/// </summary>
internal sealed class ColumnFlavor
{
    /// <summary>dbt-duckdb: the base Column plus DuckDB's integer names (hugeint, unsigned, aliases).</summary>
    public static readonly ColumnFlavor DuckDb = new()
    {
        ClassName = "DuckDBColumn",
        StringTypes = ["text", "character varying", "character", "varchar"],
        IntegerTypes = ["tinyint", "smallint", "integer", "bigint", "hugeint", "utinyint", "usmallint", "uinteger", "ubigint",
            "int1", "int2", "int4", "int8", "short", "int", "signed", "long"],
        FloatTypes = ["real", "float", "float4", "float8", "double"],
        NumericTypes = ["numeric", "decimal"],
        TypeLabels = new Dictionary<string, string>(StringComparer.Ordinal) { ["STRING"] = "TEXT" },
        DefaultStringSize = 256,
        TextHasDefaultSize = true,
        StringType = size => $"character varying({size.ToString(CultureInfo.InvariantCulture)})",
        Literal = (value, type) => $"{value}::{type}",
    };

    /// <summary>dbt-sqlserver: varchar/char only are strings, 8000 when unsized, literals as casts.</summary>
    public static readonly ColumnFlavor SqlServer = new()
    {
        ClassName = "SQLServerColumn",
        StringTypes = ["varchar", "char"],
        IntegerTypes = ["smallint", "integer", "bigint", "smallserial", "serial", "bigserial", "int2", "int4", "int8",
            "serial2", "serial4", "serial8", "int", "tinyint"],
        FloatTypes = ["float", "real"],
        NumericTypes = ["numeric", "decimal", "money", "smallmoney"],
        TypeLabels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["STRING"] = "VARCHAR(8000)", ["VARCHAR"] = "VARCHAR(8000)", ["CHAR"] = "CHAR(1)", ["NCHAR"] = "CHAR(1)",
            ["NVARCHAR"] = "VARCHAR(8000)", ["TIMESTAMP"] = "DATETIME2(6)", ["DATETIME2"] = "DATETIME2(6)",
            ["DATETIME2(6)"] = "DATETIME2(6)", ["DATE"] = "DATE", ["TIME"] = "TIME(6)", ["FLOAT"] = "FLOAT", ["REAL"] = "REAL",
            ["INT"] = "INT", ["INTEGER"] = "INT", ["BIGINT"] = "BIGINT", ["SMALLINT"] = "SMALLINT", ["TINYINT"] = "SMALLINT",
            ["BIT"] = "BIT", ["BOOLEAN"] = "BIT", ["DECIMAL"] = "DECIMAL", ["NUMERIC"] = "NUMERIC", ["MONEY"] = "DECIMAL",
            ["SMALLMONEY"] = "DECIMAL", ["UNIQUEIDENTIFIER"] = "UNIQUEIDENTIFIER", ["VARBINARY"] = "VARBINARY(MAX)", ["BINARY"] = "BINARY(1)",
        },
        DefaultStringSize = 8000,
        TextHasDefaultSize = false,
        StringType = size => $"varchar({(size > 0 ? size.ToString(CultureInfo.InvariantCulture) : "8000")})",
        Literal = (value, type) => $"cast('{value}' as {type})",
        FixedTypes = new Dictionary<string, string>(StringComparer.Ordinal) { ["datetime2"] = "datetime2(6)" },
    };

    /// <summary>The flavor of a target type's warehouse adapter; the default target's (DuckDB) for none.</summary>
    public static ColumnFlavor ForTargetType(string? type) => Targets.WarehouseAdapters.FindOrDefault(type).Flavor;

    public required string ClassName { get; init; }

    /// <summary>Lower-case type names, compared with the whole dtype as dbt does (<c>decimal(18,2)</c> is not numeric).</summary>
    public required HashSet<string> StringTypes { get; init; }

    public required HashSet<string> IntegerTypes { get; init; }

    public required HashSet<string> FloatTypes { get; init; }

    public required HashSet<string> NumericTypes { get; init; }

    /// <summary><c>translate_type</c>: upper-cased label → the target's type; other labels pass unchanged.</summary>
    public required IReadOnlyDictionary<string, string> TypeLabels { get; init; }

    /// <summary>The string size when the database reports none.</summary>
    public required long DefaultStringSize { get; init; }

    /// <summary>Whether a <c>text</c> column is always the default size (the base Column's rule).</summary>
    public required bool TextHasDefaultSize { get; init; }

    public required Func<long, string> StringType { get; init; }

    /// <summary>(value, data_type) → a typed literal.</summary>
    public required Func<string, string, string> Literal { get; init; }

    /// <summary>Lower-case dtypes whose data_type is fixed (SQL Server's datetime2 → datetime2(6)).</summary>
    public IReadOnlyDictionary<string, string> FixedTypes { get; init; } = new Dictionary<string, string>();

    public string TranslateType(string dtype) => TypeLabels.GetValueOrDefault(dtype.ToUpperInvariant(), dtype);
}
