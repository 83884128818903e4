using System.Text;
using ModelForge.Compiler.Analysis.DuckDb;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Runner.Connections.DuckDb;

namespace ModelForge.Runner.Analysis;

// Parses DuckDB SQL with DuckDB's own parser: select json_serialize_sql($1) on in-memory
// connections (one per worker, as a connection serves one thread), then reads the JSON into the
// neutral lineage model. Parsing needs no tables: nothing is bound or run.
internal sealed class DuckDbQueryParser : IQueryParser
{
    private const int BatchSize = 32;

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
        var batches = (sql.Count + BatchSize - 1) / BatchSize;
        var workers = Math.Min(_workers, batches);
        // Each worker takes every workers-th batch: nothing is shared but the results array.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            using var connection = DuckDbConnector.Open(":memory:");
            using var command = connection.CreateCommand();
            for (var batch = worker; batch < batches; batch += workers)
            {
                var first = batch * BatchSize;
                var count = Math.Min(BatchSize, sql.Count - first);
                command.CommandText = BatchQuery(sql, first, count);
                using var reader = command.ExecuteReader();
                reader.Read();
                for (var i = 0; i < count; i++)
                {
                    results[first + i] = reader.IsDBNull(i)
                        ? QueryParseResult.Failed("json_serialize_sql returned nothing")
                        : DuckDbAstReader.Read(reader.GetString(i));
                }
            }
        });
        return results;
    }

    // json_serialize_sql takes only a constant (it parses at bind time), so the SQL goes in as a
    // string literal; one statement serializes a whole batch, one column per model. Null and empty
    // fields are left out (a quarter of the JSON, which DuckDbAstReader reads as absent anyway).
    private static string BatchQuery(IReadOnlyList<string> sql, int first, int count)
    {
        var text = new StringBuilder("select ");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append("json_serialize_sql('").Append(sql[first + i].Replace("'", "''", StringComparison.Ordinal)).Append("', skip_null := true, skip_empty := true)");
        }
        return text.ToString();
    }
}
