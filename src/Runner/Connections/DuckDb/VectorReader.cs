using System.Numerics;
using System.Text;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// Decodes one value of a vector from the data-chunk API's memory layout (duckdb.h: fixed-width
/// values in an array, duckdb_string_t for VARCHAR/BLOB/BIT, a validity bitmask where a null
/// mask pointer means every row is valid).
internal static unsafe class VectorReader
{
    private const int InlineStringLength = 12;

    public static bool IsValid(ulong* validity, ulong row) =>
        validity == null || (validity[row >> 6] & (1UL << (int)(row & 63))) != 0;

    /// Reads a non-NULL value. Nested types (LIST, ARRAY, STRUCT, MAP) need the vector itself to
    /// reach their children and come back as DuckDB's VARCHAR rendering of them.
    public static object Read(ColumnType type, nint vector, void* data, ulong row)
    {
        switch (type.Id)
        {
            case DuckDbType.Boolean: return ((byte*)data)[row] != 0;
            case DuckDbType.TinyInt: return ((sbyte*)data)[row];
            case DuckDbType.SmallInt: return ((short*)data)[row];
            case DuckDbType.Integer: return ((int*)data)[row];
            case DuckDbType.BigInt: return ((long*)data)[row];
            case DuckDbType.UTinyInt: return ((byte*)data)[row];
            case DuckDbType.USmallInt: return ((ushort*)data)[row];
            case DuckDbType.UInteger: return ((uint*)data)[row];
            case DuckDbType.UBigInt: return ((ulong*)data)[row];
            case DuckDbType.HugeInt: return ((HugeInt*)data)[row].ToBigInteger();
            case DuckDbType.UHugeInt: return ((UHugeInt*)data)[row].ToBigInteger();
            case DuckDbType.Float: return ((float*)data)[row];
            case DuckDbType.Double: return ((double*)data)[row];
            case DuckDbType.Decimal: return ReadDecimal(type, data, row);
            case DuckDbType.Varchar: return ReadString(data, row);
            case DuckDbType.Blob: return ReadBytes(data, row);
            case DuckDbType.Date: return Temporal.ToDate(((int*)data)[row]);
            case DuckDbType.Time: return Temporal.TimeFromMicros(((long*)data)[row]);
            case DuckDbType.TimeNs: return TimeSpan.FromTicks(((long*)data)[row] / 100);
            case DuckDbType.TimeTz: return Temporal.FormatTimeTz(((ulong*)data)[row]);
            case DuckDbType.Timestamp: return Temporal.ToDateTime(((long*)data)[row], 10, 1, DateTimeKind.Unspecified);
            case DuckDbType.TimestampS: return Temporal.ToDateTime(((long*)data)[row], TimeSpan.TicksPerSecond, 1, DateTimeKind.Unspecified);
            case DuckDbType.TimestampMs: return Temporal.ToDateTime(((long*)data)[row], TimeSpan.TicksPerMillisecond, 1, DateTimeKind.Unspecified);
            case DuckDbType.TimestampNs: return Temporal.ToDateTime(((long*)data)[row], 1, 100, DateTimeKind.Unspecified);
            case DuckDbType.TimestampTz: return Temporal.ToDateTime(((long*)data)[row], 10, 1, DateTimeKind.Utc);
            case DuckDbType.Interval:
                var interval = ((Interval*)data)[row];
                return Temporal.IntervalToTimeSpan(interval.Months, interval.Days, interval.Micros);
            case DuckDbType.Uuid: return ReadUuid(data, row);
            case DuckDbType.Enum: return type.EnumValues[ReadUnsigned(type.Storage, data, row)];
            case DuckDbType.Bit: return ReadBits(data, row);
            case DuckDbType.List or DuckDbType.Array or DuckDbType.Struct or DuckDbType.Map:
                var text = new StringBuilder();
                NestedValueFormatter.Append(text, type, vector, row);
                return text.ToString();
            default:
                throw new NotSupportedException(
                    $"DuckDB type {type.Name} is not supported by this provider; cast the column to VARCHAR in the query.");
        }
    }

    public static string ReadString(void* data, ulong row)
    {
        var entry = (byte*)data + (row * 16);
        var length = *(uint*)entry;
        var bytes = length <= InlineStringLength ? entry + 4 : *(byte**)(entry + 8);
        return Encoding.UTF8.GetString(bytes, (int)length);
    }

    public static byte[] ReadBytes(void* data, ulong row)
    {
        var entry = (byte*)data + (row * 16);
        var length = *(uint*)entry;
        var bytes = length <= InlineStringLength ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(bytes, (int)length).ToArray();
    }

    public static long ReadSigned(DuckDbType storage, void* data, ulong row) => storage switch
    {
        DuckDbType.TinyInt => ((sbyte*)data)[row],
        DuckDbType.SmallInt => ((short*)data)[row],
        DuckDbType.Integer => ((int*)data)[row],
        _ => ((long*)data)[row],
    };

    private static ulong ReadUnsigned(DuckDbType storage, void* data, ulong row) => storage switch
    {
        DuckDbType.UTinyInt => ((byte*)data)[row],
        DuckDbType.USmallInt => ((ushort*)data)[row],
        _ => ((uint*)data)[row],
    };

    /// <summary>A decimal, or a BigInteger when the integer part does not fit in System.Decimal.</summary>
    public static object ReadDecimal(ColumnType type, void* data, ulong row)
    {
        if (type.Storage != DuckDbType.HugeInt)
        {
            var unscaled = ReadSigned(type.Storage, data, row);
            var magnitude = unscaled < 0 ? (ulong)-(unscaled + 1) + 1 : (ulong)unscaled;
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, type.Scale);
        }

        var wide = ((HugeInt*)data)[row].ToBigInteger();
        try
        {
            return DecimalFrom(wide, type.Scale);
        }
        catch (OverflowException)
        {
            // An integer part past System.Decimal's 96 bits (a DECIMAL(38) sum): the integer as
            // BigInteger, as DuckDB.NET gives for HUGEINT, rather than an unhandled exception.
            return BigInteger.Divide(wide, BigInteger.Pow(10, type.Scale));
        }
    }

    /// System.Decimal holds 96 bits and at most 28 decimal places; wider DECIMAL(38,s) values
    /// lose trailing digits (rounded half away from zero) and overflow only when the integer
    /// part itself does not fit.
    public static decimal DecimalFrom(BigInteger unscaled, int scale)
    {
        var negative = unscaled.Sign < 0;
        var magnitude = BigInteger.Abs(unscaled);
        var limit = BigInteger.One << 96;
        while ((magnitude >= limit || scale > 28) && scale > 0)
        {
            magnitude = BigInteger.DivRem(magnitude, 10, out var remainder);
            if (remainder >= 5)
            {
                magnitude++;
            }

            scale--;
        }

        if (magnitude >= limit)
        {
            throw new OverflowException($"DuckDB DECIMAL value {unscaled} does not fit in System.Decimal.");
        }

        var low = (ulong)(magnitude & ulong.MaxValue);
        var high = (uint)(magnitude >> 64);
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)high, negative, (byte)scale);
    }

    private static Guid ReadUuid(void* data, ulong row)
    {
        // DuckDB stores a UUID as a HUGEINT with the top bit flipped so that signed comparison
        // orders UUIDs like their text; flipping it back gives the 16 bytes in big-endian order.
        var value = ((HugeInt*)data)[row];
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)value.Upper ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    /// BIT is a string_t whose first byte counts the padding bits at the front of the second.
    private static string ReadBits(void* data, ulong row)
    {
        var bytes = ReadBytes(data, row);
        if (bytes.Length == 0)
        {
            return "";
        }

        var padding = bytes[0];
        var total = ((bytes.Length - 1) * 8) - padding;
        var text = new StringBuilder(total);
        for (int i = padding; i < (bytes.Length - 1) * 8; i++)
        {
            text.Append(((bytes[1 + (i / 8)] >> (7 - (i % 8))) & 1) == 1 ? '1' : '0');
        }

        return text.ToString();
    }
}
