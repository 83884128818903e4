using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// Typed getters. The common cases read the vector directly; the rest convert GetValue's result
/// with invariant culture, so a BIGINT column can still be read with GetInt32 when it fits.
internal sealed unsafe partial class DuckDbDataReader
{
    public override bool GetBoolean(int ordinal) => Is(ordinal, DuckDbType.Boolean)
        ? ((byte*)_data[ordinal])[_row] != 0
        : Convert.ToBoolean(GetNonNull(ordinal), CultureInfo.InvariantCulture);

    public override byte GetByte(int ordinal) => Convert.ToByte(GetNonNull(ordinal), CultureInfo.InvariantCulture);

    public override short GetInt16(int ordinal) => Convert.ToInt16(GetNonNull(ordinal), CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Is(ordinal, DuckDbType.Integer)
        ? ((int*)_data[ordinal])[_row]
        : ToInt64(GetNonNull(ordinal)) is var value and >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new OverflowException($"Column {_names[ordinal]} holds a value outside the range of Int32.");

    public override long GetInt64(int ordinal) => Is(ordinal, DuckDbType.BigInt)
        ? ((long*)_data[ordinal])[_row]
        : ToInt64(GetNonNull(ordinal));

    public override float GetFloat(int ordinal) => Convert.ToSingle(GetNonNull(ordinal), CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => Is(ordinal, DuckDbType.Double)
        ? ((double*)_data[ordinal])[_row]
        : Convert.ToDouble(GetNonNull(ordinal) is BigInteger big ? (double)big : GetNonNull(ordinal), CultureInfo.InvariantCulture);

    public override decimal GetDecimal(int ordinal) => GetNonNull(ordinal) switch
    {
        BigInteger big => (decimal)big,
        var value => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    public override string GetString(int ordinal) => Is(ordinal, DuckDbType.Varchar)
        ? VectorReader.ReadString((void*)_data[ordinal], _row)
        : Convert.ToString(GetNonNull(ordinal), CultureInfo.InvariantCulture) ?? "";

    public override char GetChar(int ordinal) => GetString(ordinal) is { Length: > 0 } text
        ? text[0]
        : throw new InvalidCastException($"Column {_names[ordinal]} holds an empty string.");

    public override DateTime GetDateTime(int ordinal) => GetNonNull(ordinal) switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        var value => (DateTime)value,
    };

    public override Guid GetGuid(int ordinal) => GetNonNull(ordinal) switch
    {
        string text => Guid.Parse(text),
        var value => (Guid)value,
    };

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = GetNonNull(ordinal) as byte[] ?? throw new InvalidCastException($"Column {_names[ordinal]} is not a BLOB.");
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override T GetFieldValue<T>(int ordinal)
    {
        if (IsDBNull(ordinal))
        {
            return default(T) is null && typeof(T) == typeof(object) ? (T)(object)DBNull.Value
                : default(T) is null ? default!
                : throw new InvalidCastException($"Column {_names[ordinal]} is NULL.");
        }

        var value = GetValue(ordinal);
        return value switch
        {
            T typed => typed,
            DateOnly date when typeof(T) == typeof(DateTime) => (T)(object)date.ToDateTime(TimeOnly.MinValue),
            DateTime timestamp when typeof(T) == typeof(DateOnly) => (T)(object)DateOnly.FromDateTime(timestamp),
            DateTime timestamp when typeof(T) == typeof(DateTimeOffset) => (T)(object)new DateTimeOffset(DateTime.SpecifyKind(timestamp, DateTimeKind.Utc)),
            TimeSpan time when typeof(T) == typeof(TimeOnly) => (T)(object)TimeOnly.FromTimeSpan(time),
            _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
        };
    }

    /// A minimal schema table: name, ordinal, CLR and DuckDB type, nullability, decimal facets.
    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        for (var i = 0; i < FieldCount; i++)
        {
            var type = _types[i];
            var isDecimal = type.Id == DuckDbType.Decimal;
            table.Rows.Add(_names[i], i, -1, isDecimal ? type.Width : DBNull.Value, isDecimal ? type.Scale : DBNull.Value, type.ClrType, type.Name, true);
        }

        return table;
    }

    /// True when the column has exactly this DuckDB type (so the fast path applies); throws on NULL.
    private bool Is(int ordinal, DuckDbType type)
    {
        CheckRow(ordinal);
        if (_types[ordinal].Id != type)
        {
            return false;
        }

        return VectorReader.IsValid((ulong*)_validity[ordinal], _row) ? true : throw NullValue(ordinal);
    }

    private object GetNonNull(int ordinal)
    {
        var value = GetValue(ordinal);
        return value is DBNull ? throw NullValue(ordinal) : value;
    }

    private InvalidCastException NullValue(int ordinal) =>
        new($"Column {_names[ordinal]} is NULL; check IsDBNull before reading it.");

    private static long ToInt64(object value) => value switch
    {
        BigInteger big => (long)big,
        ulong unsigned => checked((long)unsigned),
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };
}
