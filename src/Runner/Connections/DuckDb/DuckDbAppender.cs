using System.Numerics;
using System.Text;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// Bulk-loads rows into one table through DuckDB's appender, which skips SQL parsing and planning
/// per row. Values are appended column by column in table order; DuckDB casts each value to the
/// column's type. Rows become visible on Flush or Close (Dispose closes); errors from either are
/// thrown as DuckDbException with DuckDB's message.
internal sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly string _table;
    private bool _closed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        _table = schema is null ? table : schema + "." + table;
        var state = NativeMethods.duckdb_appender_create(connection.Handle, schema, table, out var raw);
        _handle = new AppenderHandle(raw);
        if (state != DuckDbState.Success)
        {
            var error = ReadError();
            _handle.Dispose();
            throw error;
        }
    }

    /// Appends one row; values.Length must equal the table's column count.
    public void AppendRow(params ReadOnlySpan<object?> values)
    {
        foreach (var value in values)
        {
            Check(Append(value));
        }

        Check(NativeMethods.duckdb_appender_end_row(_handle));
    }

    /// Writes buffered rows to the table.
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(_handle));

    /// Flushes and closes; later appends fail.
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            Check(NativeMethods.duckdb_appender_close(_handle));
        }
        finally
        {
            _handle.Dispose();
        }
    }

    public void Dispose() => Close();

    private DuckDbState Append(object? value)
    {
        switch (value)
        {
            case null or DBNull: return NativeMethods.duckdb_append_null(_handle);
            case bool v: return NativeMethods.duckdb_append_bool(_handle, v);
            case sbyte v: return NativeMethods.duckdb_append_int8(_handle, v);
            case short v: return NativeMethods.duckdb_append_int16(_handle, v);
            case int v: return NativeMethods.duckdb_append_int32(_handle, v);
            case long v: return NativeMethods.duckdb_append_int64(_handle, v);
            case byte v: return NativeMethods.duckdb_append_uint8(_handle, v);
            case ushort v: return NativeMethods.duckdb_append_uint16(_handle, v);
            case uint v: return NativeMethods.duckdb_append_uint32(_handle, v);
            case ulong v: return NativeMethods.duckdb_append_uint64(_handle, v);
            case float v: return NativeMethods.duckdb_append_float(_handle, v);
            case double v: return NativeMethods.duckdb_append_double(_handle, v);
            case BigInteger v when HugeInt.TryFrom(v, out var huge): return NativeMethods.duckdb_append_hugeint(_handle, huge);

            // No duckdb_append_decimal exists, and a double would round: DuckDB casts the exact
            // text to the column's DECIMAL(p,s) instead.
            case decimal v: return AppendText(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case string v: return AppendText(v);
            case char v: return AppendText(v.ToString());
            case Guid v: return AppendText(v.ToString("D"));
            case byte[] v:
                fixed (byte* bytes = v)
                {
                    return NativeMethods.duckdb_append_blob(_handle, bytes, (ulong)v.Length);
                }

            case DateOnly v: return NativeMethods.duckdb_append_date(_handle, Temporal.FromDate(v));
            case DateTime v: return NativeMethods.duckdb_append_timestamp(_handle, Temporal.ToMicros(v));
            // A plain timestamp would be re-read in the session's TimeZone; a TIMESTAMPTZ value is not.
            case DateTimeOffset v: return AppendValue(NativeMethods.duckdb_create_timestamp_tz(Temporal.ToMicros(v.UtcDateTime)));
            case TimeOnly v: return NativeMethods.duckdb_append_time(_handle, Temporal.TimeToMicros(v.ToTimeSpan()));
            case TimeSpan v: return NativeMethods.duckdb_append_interval(_handle, ParameterBinder.ToInterval(v));
            default:
                throw new NotSupportedException($"Appending values of type {value.GetType().FullName} is not supported by the DuckDB provider.");
        }
    }

    private DuckDbState AppendValue(nint value)
    {
        try
        {
            return NativeMethods.duckdb_append_value(_handle, value);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref value);
        }
    }

    private DuckDbState AppendText(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            return NativeMethods.duckdb_append_varchar_length(_handle, pointer, (ulong)bytes.Length);
        }
    }

    private void Check(DuckDbState state)
    {
        if (state != DuckDbState.Success)
        {
            throw ReadError();
        }
    }

    private DuckDbException ReadError()
    {
        // The error data carries the category that the plain message (no "X Error:" prefix) lacks.
        var data = NativeMethods.duckdb_appender_error_data(_handle);
        try
        {
            var message = (data == 0 ? null : NativeMethods.ReadString(NativeMethods.duckdb_error_data_message(data)))
                ?? NativeMethods.ReadString(NativeMethods.duckdb_appender_error(_handle))
                ?? $"Invalid Input Error: appending to {_table} failed.";
            var type = data == 0 ? ErrorTypeNames.FromMessage(message) : NativeMethods.duckdb_error_data_error_type(data);
            return new DuckDbException(message, type);
        }
        finally
        {
            if (data != 0)
            {
                NativeMethods.duckdb_destroy_error_data(ref data);
            }
        }
    }
}
