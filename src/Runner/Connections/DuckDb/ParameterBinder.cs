using System.Globalization;
using System.Numerics;
using System.Text;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// Binds command parameters to a prepared statement. DuckDB names every placeholder: $name by
/// its name, ? and $n by their 1-based number, so a statement's placeholders are resolved by
/// name first and by position second.
internal static unsafe class ParameterBinder
{
    public static void Bind(PreparedStatementHandle statement, DuckDbParameterCollection parameters)
    {
        NativeMethods.duckdb_clear_bindings(statement);
        var count = NativeMethods.duckdb_nparams(statement);
        for (var index = 1ul; index <= count; index++)
        {
            var name = NativeMethods.TakeString(NativeMethods.duckdb_parameter_name(statement, index)) ?? index.ToString(CultureInfo.InvariantCulture);
            var parameter = Find(parameters, name, index)
                ?? throw new InvalidOperationException($"No value was supplied for parameter ${name}.");
            if (BindValue(statement, index, parameter.Value) != DuckDbState.Success)
            {
                throw new DuckDbException(
                    $"Invalid Input Error: could not bind a {parameter.Value?.GetType().Name} value to parameter ${name}.",
                    DuckDbErrorType.InvalidInput);
            }
        }
    }

    /// By name first; then $n (or the n-th ?) takes the n-th parameter; then a named placeholder
    /// with no parameter of its name takes the unnamed parameter at its own position.
    private static DuckDbParameter? Find(DuckDbParameterCollection parameters, string name, ulong index)
    {
        var byName = parameters.IndexOf(name);
        if (byName >= 0)
        {
            return parameters[byName];
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position >= 1 && position <= parameters.Count ? parameters[position - 1] : null;
        }

        return index <= (ulong)parameters.Count && parameters[(int)index - 1].ParameterName.Length == 0
            ? parameters[(int)index - 1]
            : null;
    }

    private static DuckDbState BindValue(PreparedStatementHandle statement, ulong index, object? value)
    {
        switch (value)
        {
            case null or DBNull: return NativeMethods.duckdb_bind_null(statement, index);
            case bool v: return NativeMethods.duckdb_bind_boolean(statement, index, v);
            case sbyte v: return NativeMethods.duckdb_bind_int8(statement, index, v);
            case short v: return NativeMethods.duckdb_bind_int16(statement, index, v);
            case int v: return NativeMethods.duckdb_bind_int32(statement, index, v);
            case long v: return NativeMethods.duckdb_bind_int64(statement, index, v);
            case byte v: return NativeMethods.duckdb_bind_uint8(statement, index, v);
            case ushort v: return NativeMethods.duckdb_bind_uint16(statement, index, v);
            case uint v: return NativeMethods.duckdb_bind_uint32(statement, index, v);
            case ulong v: return NativeMethods.duckdb_bind_uint64(statement, index, v);
            case float v: return NativeMethods.duckdb_bind_float(statement, index, v);
            case double v: return NativeMethods.duckdb_bind_double(statement, index, v);
            case decimal v: return NativeMethods.duckdb_bind_decimal(statement, index, ToNativeDecimal(v));
            case BigInteger v when HugeInt.TryFrom(v, out var huge): return NativeMethods.duckdb_bind_hugeint(statement, index, huge);
            case string v: return BindText(statement, index, v);
            case char v: return BindText(statement, index, v.ToString());
            case byte[] v:
                fixed (byte* bytes = v)
                {
                    return NativeMethods.duckdb_bind_blob(statement, index, bytes, (ulong)v.Length);
                }

            case DateOnly v: return NativeMethods.duckdb_bind_date(statement, index, Temporal.FromDate(v));
            case DateTime v: return NativeMethods.duckdb_bind_timestamp(statement, index, Temporal.ToMicros(v));
            case DateTimeOffset v: return NativeMethods.duckdb_bind_timestamp_tz(statement, index, Temporal.ToMicros(v.UtcDateTime));
            case TimeOnly v: return NativeMethods.duckdb_bind_time(statement, index, Temporal.TimeToMicros(v.ToTimeSpan()));
            case TimeSpan v: return NativeMethods.duckdb_bind_interval(statement, index, ToInterval(v));
            case Guid v: return BindUuid(statement, index, v);
            case Enum v: return NativeMethods.duckdb_bind_int64(statement, index, Convert.ToInt64(v, CultureInfo.InvariantCulture));
            default:
                throw new NotSupportedException($"Parameters of type {value.GetType().FullName} are not supported by the DuckDB provider.");
        }
    }

    private static DuckDbState BindText(PreparedStatementHandle statement, ulong index, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            return NativeMethods.duckdb_bind_varchar_length(statement, index, pointer, (ulong)bytes.Length);
        }
    }

    private static DuckDbState BindUuid(PreparedStatementHandle statement, ulong index, Guid value)
    {
        var uuid = NativeMethods.duckdb_create_uuid(ToUuidBits(value));
        try
        {
            return NativeMethods.duckdb_bind_value(statement, index, uuid);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref uuid);
        }
    }

    /// duckdb_create_uuid takes the UUID as an unsigned 128-bit number read big-endian.
    public static UHugeInt ToUuidBits(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new UHugeInt(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    public static Interval ToInterval(TimeSpan value)
    {
        var days = value.Days;
        return new Interval { Months = 0, Days = days, Micros = (value - TimeSpan.FromDays(days)).Ticks / 10 };
    }

    /// The narrowest DECIMAL(width, scale) that holds the value exactly (System.Decimal has at
    /// most 29 digits, DuckDB allows 38).
    public static NativeDecimal ToNativeDecimal(decimal value)
    {
        var scale = value.Scale;
        var unscaled = new BigInteger(decimal.Truncate(Math.Abs(value) * Pow10(scale)));
        var digits = unscaled.IsZero ? 1 : unscaled.ToString(CultureInfo.InvariantCulture).Length;
        if (value < 0)
        {
            unscaled = -unscaled;
        }

        HugeInt.TryFrom(unscaled, out var huge);
        return new NativeDecimal { Width = (byte)Math.Max(digits, scale + 1), Scale = (byte)scale, Value = huge };
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
