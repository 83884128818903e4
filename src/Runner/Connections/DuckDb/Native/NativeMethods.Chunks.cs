using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(nint chunk);

    [LibraryImport(Library)]
    internal static partial nint duckdb_data_chunk_get_vector(nint chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref nint chunk);

    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(nint vector);

    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_list_vector_get_child(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_array_vector_get_child(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_vector_get_child(nint vector, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(nint logicalType);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref nint logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(nint logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(nint logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_enum_internal_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(nint logicalType);

    [LibraryImport(Library)]
    internal static partial nint duckdb_enum_dictionary_value(nint logicalType, ulong index);

    [LibraryImport(Library)]
    internal static partial nint duckdb_list_type_child_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial nint duckdb_array_type_child_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_array_type_array_size(nint logicalType);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_struct_type_child_count(nint logicalType);

    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_type_child_name(nint logicalType, ulong index);

    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_type_child_type(nint logicalType, ulong index);

    [LibraryImport(Library)]
    internal static partial nint duckdb_map_type_key_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial nint duckdb_map_type_value_type(nint logicalType);
}
