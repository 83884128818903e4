using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(ConnectionHandle connection, string query, NativeResult* result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_name(NativeResult* result, ulong column);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_logical_type(NativeResult* result, ulong column);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_result_error(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial DuckDbErrorType duckdb_result_error_type(NativeResult* result);

    // Both take the 48-byte duckdb_result by value, as the header declares.
    [LibraryImport(Library)]
    internal static partial ResultType duckdb_result_return_type(NativeResult result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_fetch_chunk(NativeResult result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(ConnectionHandle connection, string query, out nint statement);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref nint statement);

    [LibraryImport(Library)]
    internal static partial nint duckdb_prepare_error(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial nint duckdb_parameter_name(PreparedStatementHandle statement, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(PreparedStatementHandle statement, NativeResult* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong duckdb_extract_statements(ConnectionHandle connection, string query, out nint extracted);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(ConnectionHandle connection, nint extracted, ulong index, out nint statement);

    [LibraryImport(Library)]
    internal static partial nint duckdb_extract_statements_error(nint extracted);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_extracted(ref nint extracted);
}
