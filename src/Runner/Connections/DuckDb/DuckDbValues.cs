using System.Collections;
using System.Globalization;
using System.Text;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// Gives values read through DuckDB.NET the .NET types forge has always formatted: LIST, ARRAY,
/// STRUCT and MAP as DuckDB's own VARCHAR rendering ([1, 2, NULL], {'a': 1, 'b': x}, {k=1}),
/// TIME as a TimeSpan, BLOB as a byte[], TIME WITH TIME ZONE as DuckDB's text (01:02:03+05).
/// Every other value passes through unchanged.
/// </summary>
internal static class DuckDbValues
{
    /// <summary>
    /// <c>reader.GetValue(i)</c>, except where DuckDB.NET throws: a DECIMAL(38) wider than
    /// System.Decimal reads as its integer part (a BigInteger), an INTERVAL with months as a
    /// TimeSpan counting a month as 30 days, as forge's readers always did.
    /// </summary>
    public static object Read(System.Data.Common.DbDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetValue(ordinal);
        }
        catch (OverflowException) when (reader is DuckDB.NET.Data.DuckDBDataReader)
        {
            return reader.GetFieldValue<System.Numerics.BigInteger>(ordinal);
        }
        catch (Exception e) when (reader is DuckDB.NET.Data.DuckDBDataReader && e is not OverflowException
            && reader.GetDataTypeName(ordinal) == "Interval")
        {
            var interval = reader.GetFieldValue<DuckDB.NET.Native.DuckDBInterval>(ordinal);
            return TimeSpan.FromDays((interval.Months * 30L) + interval.Days) + TimeSpan.FromTicks((long)interval.Micros * 10);
        }
    }

    public static object? Normalize(object? value) => value switch
    {
        TimeOnly time => time.ToTimeSpan(),
        Stream stream => Bytes(stream),
        DateTimeOffset { Date.Year: 1 } timeTz => TimeTz(timeTz),
        IDictionary or IList when value is not Array => Nested(value),
        _ => value,
    };

    private static string Nested(object value)
    {
        var text = new StringBuilder();
        AppendNested(text, value);
        return text.ToString();
    }

    private static void AppendNested(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                text.Append("NULL");
                break;
            case IDictionary<string, object?> structure:
                // DuckDB.NET reads a STRUCT as Dictionary<string, object>: keys are field names.
                text.Append('{');
                var first = true;
                foreach (var (name, field) in structure)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    text.Append('\'').Append(name.Replace("'", "''", StringComparison.Ordinal)).Append("': ");
                    AppendNested(text, field);
                }
                text.Append('}');
                break;
            case IDictionary map:
                text.Append('{');
                var firstEntry = true;
                foreach (DictionaryEntry entry in map)
                {
                    if (!firstEntry) text.Append(", ");
                    firstEntry = false;
                    AppendNested(text, entry.Key);
                    text.Append('=');
                    AppendNested(text, entry.Value);
                }
                text.Append('}');
                break;
            case IList list when value is not byte[]:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    AppendNested(text, list[i]);
                }
                text.Append(']');
                break;
            default:
                text.Append(Scalar(Normalize(value)!));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.'),
        TimeSpan time => Time(time),
        Guid guid => guid.ToString("D"),
        byte[] bytes => Blob(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Time(TimeSpan time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.ffffff", CultureInfo.InvariantCulture);

    private static string TimeTz(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var zone = offset.Minutes == 0 ? $"{Math.Abs(offset.Hours):00}" : $"{Math.Abs(offset.Hours):00}:{Math.Abs(offset.Minutes):00}";
        return Time(value.TimeOfDay) + sign + zone;
    }

    /// <summary>BLOB as DuckDB renders it: printable ASCII as is, other bytes as \xNN.</summary>
    private static string Blob(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 32 and < 127 && b != '\\' && b != '\'') text.Append((char)b);
            else text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static byte[] Bytes(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
