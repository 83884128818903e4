using System.Reflection;
using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Thin P/Invoke layer over DuckDB's C API (duckdb.h, v1.5). Signatures mirror the header one to
/// one; everything above this class deals in SafeHandles and managed types.
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    static NativeMethods()
    {
        // The build copies libduckdb beside forge and into test output folders. Default probing
        // already finds it there on most hosts; the resolver makes that explicit so a forge started
        // from another working directory (or a single-file publish) still loads the copy beside it.
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Another component of this assembly registered a resolver first; default probing applies.
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Library)
        {
            return 0;
        }

        var fileName = OperatingSystem.IsWindows() ? "duckdb.dll"
            : OperatingSystem.IsMacOS() ? "libduckdb.dylib"
            : "libduckdb.so";
        foreach (var directory in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(assembly.Location) })
        {
            if (string.IsNullOrEmpty(directory))
            {
                continue;
            }

            var candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return 0;
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out nint database, ConfigHandle config, out nint error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref nint database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(DatabaseHandle database, out nint connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref nint connection);

    [LibraryImport(Library)]
    internal static partial nint duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(out nint config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(ConfigHandle config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref nint config);

    [LibraryImport(Library)]
    internal static partial void duckdb_free(nint pointer);

    /// Reads a NUL-terminated UTF-8 string the library owns (never freed here).
    internal static string? ReadString(nint utf8) => utf8 == 0 ? null : Marshal.PtrToStringUTF8(utf8);

    /// Reads a string the caller must release with duckdb_free, and releases it.
    internal static string? TakeString(nint utf8)
    {
        if (utf8 == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(utf8);
        }
        finally
        {
            duckdb_free(utf8);
        }
    }
}
