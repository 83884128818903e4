using ModelForge.Compiler.Analysis.DuckDb;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Runner.Connections.DuckDb;

namespace ModelForge.Runner.Analysis;

/// <summary>
/// Parses DuckDB SQL with DuckDB's own parser: <c>select json_serialize_sql($1)</c> on in-memory
/// connections (one per worker, as a connection serves one thread), then reads the JSON into the
/// neutral lineage model. Parsing needs no tables: nothing is bound or run.
/// </summary>
internal sealed class DuckDbQueryParser : IQueryParser
{
    private readonly int _workers;

    public DuckDbQueryParser(int workers = 0)
    {
        _workers = workers > 0 ? workers : Environment.ProcessorCount;
    }

    public IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql)
    {
        var results = new QueryParseResult[sql.Count];
        if (sql.Count == 0) return results;
        var workers = Math.Min(_workers, sql.Count);
        // Each worker takes every workers-th text: no shared state but the results array.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            using var connection = new DuckDbConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "select json_serialize_sql($1)";
            var parameter = new DuckDbParameter(null);
            command.Parameters.Add(parameter);
            for (var i = worker; i < sql.Count; i += workers)
            {
                parameter.Value = sql[i];
                var json = command.ExecuteScalar() as string;
                results[i] = json is null ? QueryParseResult.Failed("json_serialize_sql returned nothing") : DuckDbAstReader.Read(json);
            }
        });
        return results;
    }
}
