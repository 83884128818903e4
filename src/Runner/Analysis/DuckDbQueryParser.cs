using DuckDB.NET.Data;
using ModelForge.Compiler.Analysis.DuckDb;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Runner.Connections.DuckDb;

namespace ModelForge.Runner.Analysis;

// Parses DuckDB SQL with DuckDB's own parser: json_serialize_sql over a temporary table of the
// statements, on in-memory connections (one per worker, as a connection serves one thread), then
// reads the JSON into the neutral lineage model. Parsing needs no tables: nothing is bound or run.
internal sealed class DuckDbQueryParser : IQueryParser
{
    // Statements per round trip: large enough that a query's fixed cost vanishes, small enough
    // that the JSON held at once stays a few MB and the workers share the tail of the work.
    private const int ChunkSize = 256;

    private readonly int _workers;

    public DuckDbQueryParser(int workers = 0)
    {
        _workers = workers > 0 ? workers : Environment.ProcessorCount;
    }

    public string Dialect => "duckdb";

    public IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql)
    {
        var results = new QueryParseResult[sql.Count];
        if (sql.Count == 0) return results;
        var chunks = (sql.Count + ChunkSize - 1) / ChunkSize;
        var workers = Math.Min(_workers, chunks);
        var nextChunk = -1;
        // One database for all workers (opening one costs tens of ms), one connection each. One
        // DuckDB thread: the workers are the parallelism, and a chunk is one row group anyway.
        using var database = DuckDbConnector.Open(":memory:", new Dictionary<string, string> { ["threads"] = "1" });
        // Workers take the next chunk as they finish one: on a shared machine one core may be slower.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            using var worker = new Worker(database);
            for (var chunk = Interlocked.Increment(ref nextChunk); chunk < chunks; chunk = Interlocked.Increment(ref nextChunk))
            {
                var first = chunk * ChunkSize;
                worker.Parse(sql, first, Math.Min(ChunkSize, sql.Count - first), results);
            }
        });
        return results;
    }

    // One connection to the shared database, with its table of statements. json_serialize_sql over
    // a column parses each row in turn, half the cost of serializing the same statements given as
    // literals in one select (whose text DuckDB must parse, bind and fold first). Null and empty
    // fields are left out (a quarter of the JSON, which the readers take as absent anyway); encode()
    // hands the JSON over as bytes, so it is read as UTF-8 without a detour through a .NET string.
    private sealed class Worker : IDisposable
    {
        private const string Table = "forge_lineage_sql";

        private readonly DuckDBConnection _connection;
        private readonly DuckDBCommand _command;
        private byte[] _buffer = new byte[1 << 16];

        public Worker(DuckDBConnection database)
        {
            // A temporary table belongs to its connection: each worker has its own.
            _connection = database.Duplicate();
            if (_connection.State != System.Data.ConnectionState.Open) _connection.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = $"create temp table {Table} (i integer, q varchar)";
            _command.ExecuteNonQuery();
        }

        public void Parse(IReadOnlyList<string> sql, int first, int count, QueryParseResult[] results)
        {
            _command.CommandText = $"delete from {Table}";
            _command.ExecuteNonQuery();
            using (var appender = _connection.CreateAppender(Table))
            {
                for (var i = first; i < first + count; i++) appender.CreateRow().AppendValue(i).AppendValue(sql[i]).EndRow();
            }
            _command.CommandText = $"select i, encode(json_serialize_sql(q, skip_null := true, skip_empty := true)) from {Table}";
            using var reader = _command.ExecuteReader();
            while (reader.Read())
            {
                var index = reader.GetInt32(0);
                results[index] = reader.IsDBNull(1)
                    ? QueryParseResult.Failed("json_serialize_sql returned nothing")
                    : DuckDbAstStreamReader.Read(Bytes(reader, 1));
            }
        }

        private ReadOnlyMemory<byte> Bytes(DuckDBDataReader reader, int ordinal)
        {
            using var stream = reader.GetStream(ordinal);
            var length = checked((int)stream.Length);
            if (_buffer.Length < length) _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
            stream.ReadExactly(_buffer, 0, length);
            return _buffer.AsMemory(0, length);
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
