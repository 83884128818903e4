namespace ModelForge.Runner.Connections.DuckDb.Native;

/// duckdb_state: every fallible C API call returns one.
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}
