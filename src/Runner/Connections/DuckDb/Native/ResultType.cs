namespace ModelForge.Runner.Connections.DuckDb.Native;

/// duckdb_result_type: what kind of result a statement produced.
internal enum ResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}
