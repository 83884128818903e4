using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// Converts a seed value to the .NET type DuckDB.NET's appender writes for a column's DuckDB type.
/// The appender picks its writer from the .NET type and does not cast (a long appended to an
/// INTEGER column lands as the wrong bytes), so the conversion is by the column's type, never the value's.
/// </summary>
internal static class DuckDbAppendValues
{
    /// <summary>Whether values of a column of this type can be appended directly.</summary>
    public static bool CanAppend(string type) => Kind(type) is not null;

    public static void Append(IDuckDBAppenderRow row, string type, object? value)
    {
        if (value is null or DBNull)
        {
            row.AppendNullValue();
            return;
        }

        var culture = CultureInfo.InvariantCulture;
        switch (Kind(type))
        {
            case "BOOLEAN": row.AppendValue(value is string s ? bool.Parse(s) : Convert.ToBoolean(value, culture)); break;
            case "TINYINT": row.AppendValue(Convert.ToSByte(value, culture)); break;
            case "SMALLINT": row.AppendValue(Convert.ToInt16(value, culture)); break;
            case "INTEGER": row.AppendValue(Convert.ToInt32(value, culture)); break;
            case "BIGINT": row.AppendValue(Convert.ToInt64(value, culture)); break;
            case "UTINYINT": row.AppendValue(Convert.ToByte(value, culture)); break;
            case "USMALLINT": row.AppendValue(Convert.ToUInt16(value, culture)); break;
            case "UINTEGER": row.AppendValue(Convert.ToUInt32(value, culture)); break;
            case "UBIGINT": row.AppendValue(Convert.ToUInt64(value, culture)); break;
            case "HUGEINT": row.AppendValue(value is BigInteger big ? big : new BigInteger(Convert.ToDecimal(value, culture))); break;
            case "FLOAT": row.AppendValue(Convert.ToSingle(value, culture)); break;
            case "DOUBLE": row.AppendValue(Convert.ToDouble(value, culture)); break;
            case "DECIMAL": row.AppendValue(Convert.ToDecimal(value, culture)); break;
            case "VARCHAR": row.AppendValue(Text(value)); break;
            case "DATE": row.AppendValue(value is DateTime d ? DateOnly.FromDateTime(d) : (DateOnly)value); break;
            case "TIMESTAMP": row.AppendValue(value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : (DateTime)value); break;
            default: throw new InvalidOperationException($"DuckDB type {type} cannot be appended directly.");
        }
    }

    /// <summary>A value as the text DuckDB would cast from (invariant numbers, ISO dates and timestamps).</summary>
    public static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string? Kind(string type)
    {
        var name = type.StartsWith("DECIMAL(", StringComparison.Ordinal) ? "DECIMAL" : type;
        return name is "BOOLEAN" or "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
            or "UBIGINT" or "HUGEINT" or "FLOAT" or "DOUBLE" or "DECIMAL" or "VARCHAR" or "DATE" or "TIMESTAMP" ? name : null;
    }
}
