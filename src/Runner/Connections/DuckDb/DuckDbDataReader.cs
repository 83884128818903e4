using System.Collections;
using System.Data;
using System.Data.Common;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// Reads a DuckDB result chunk by chunk (duckdb_fetch_chunk, 2048 rows at a time), decoding
/// values straight from the vectors. Only one chunk is held at a time; the result and the chunk
/// are freed when the reader is disposed (or, failing that, by their SafeHandles).
internal sealed unsafe partial class DuckDbDataReader : DbDataReader
{
    private readonly ResultHandle _result;
    private readonly CommandBehavior _behavior;
    private readonly DuckDbConnection _connection;
    private readonly string[] _names;
    private readonly ColumnType[] _types;
    private readonly nint[] _vectors;
    private readonly nint[] _data;
    private readonly nint[] _validity;
    private DataChunkHandle? _chunk;
    private ulong _chunkSize;
    private ulong _row;
    private bool _onRow;
    private bool _closed;

    internal DuckDbDataReader(ResultHandle result, CommandBehavior behavior, DuckDbConnection connection)
    {
        _result = result;
        _behavior = behavior;
        _connection = connection;
        var count = (int)NativeMethods.duckdb_column_count(result.Pointer);
        _names = new string[count];
        _types = new ColumnType[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ReadString(NativeMethods.duckdb_column_name(result.Pointer, (ulong)i)) ?? "";
            _types[i] = ColumnType.FromLogicalType(NativeMethods.duckdb_column_logical_type(result.Pointer, (ulong)i));
        }

        _vectors = new nint[count];
        _data = new nint[count];
        _validity = new nint[count];
        var changed = DuckDbCommand.RowsChanged(result);
        RecordsAffected = changed < 0 ? -1 : (int)Math.Min(changed, int.MaxValue);

        // The first chunk is fetched up front so that HasRows is known before Read.
        FetchChunk();
        HasRows = _chunkSize > 0;
    }

    public override int Depth => 0;

    public override int FieldCount => _names.Length;

    public override bool HasRows { get; }

    public override bool IsClosed => _closed;

    public override int RecordsAffected { get; }

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (_closed || _chunk is null)
        {
            return false;
        }

        if (_onRow && ++_row >= _chunkSize)
        {
            FetchChunk();
            if (_chunk is null)
            {
                _onRow = false;
                return false;
            }
        }

        _onRow = true;
        return true;
    }

    /// Every command yields one result: earlier statements of a script have already run.
    public override bool NextResult()
    {
        ReleaseChunk();
        _onRow = false;
        return false;
    }

    public override string GetName(int ordinal) => _names[ordinal];

    public override int GetOrdinal(string name)
    {
        var index = Array.IndexOf(_names, name);
        if (index >= 0)
        {
            return index;
        }

        index = Array.FindIndex(_names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;

    public override Type GetFieldType(int ordinal) => _types[ordinal].ClrType;

    public override bool IsDBNull(int ordinal) => !VectorReader.IsValid((ulong*)_validity[CheckRow(ordinal)], _row);

    public override object GetValue(int ordinal)
    {
        CheckRow(ordinal);
        return VectorReader.IsValid((ulong*)_validity[ordinal], _row)
            ? VectorReader.Read(_types[ordinal], _vectors[ordinal], (void*)_data[ordinal], _row)
            : DBNull.Value;
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        ReleaseChunk();
        _result.Dispose();
        if ((_behavior & CommandBehavior.CloseConnection) != 0)
        {
            _connection.Close();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private void FetchChunk()
    {
        ReleaseChunk();
        while (true)
        {
            var raw = NativeMethods.duckdb_fetch_chunk(*_result.Pointer);
            if (raw == 0)
            {
                return;
            }

            var chunk = new DataChunkHandle(raw);
            var size = NativeMethods.duckdb_data_chunk_get_size(raw);
            if (size == 0)
            {
                chunk.Dispose();
                continue;
            }

            _chunk = chunk;
            _chunkSize = size;
            _row = 0;
            for (var i = 0; i < _vectors.Length; i++)
            {
                var vector = NativeMethods.duckdb_data_chunk_get_vector(raw, (ulong)i);
                _vectors[i] = vector;
                _data[i] = (nint)NativeMethods.duckdb_vector_get_data(vector);
                _validity[i] = (nint)NativeMethods.duckdb_vector_get_validity(vector);
            }

            return;
        }
    }

    private void ReleaseChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _chunkSize = 0;
    }

    private int CheckRow(int ordinal)
    {
        if (!_onRow || _chunk is null)
        {
            throw new InvalidOperationException(_closed ? "The reader is closed." : "No current row: call Read() first.");
        }

        if ((uint)ordinal >= (uint)_names.Length)
        {
            throw new IndexOutOfRangeException($"Column {ordinal} does not exist; the result has {_names.Length} columns.");
        }

        return ordinal;
    }
}
