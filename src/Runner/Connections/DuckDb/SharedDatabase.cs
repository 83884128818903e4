using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// One duckdb_database per file per process, shared by reference count. DuckDB refuses to open
/// the same file twice from one process with separate instances (the second open fails on the
/// file lock), so every connection to a path connects through the same instance. The options of
/// the connection that opened the instance apply to all of them.
///
/// ":memory:" (or an empty data source) is a fresh private database per connection, as in
/// DuckDB's own clients; ":memory:NAME" is a named in-memory database shared like a file.
internal sealed class SharedDatabase
{
    private static readonly Dictionary<string, SharedDatabase> Instances =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static readonly Lock Gate = new();

    private readonly string? _key;
    private int _references;

    private SharedDatabase(string? key, DatabaseHandle handle)
    {
        _key = key;
        Handle = handle;
        _references = 1;
    }

    public DatabaseHandle Handle { get; }

    /// Number of distinct database instances this process holds open (for tests and diagnostics).
    public static int OpenCount
    {
        get
        {
            lock (Gate)
            {
                return Instances.Count;
            }
        }
    }

    public static SharedDatabase Acquire(string dataSource, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        var key = KeyFor(dataSource);
        lock (Gate)
        {
            if (key is not null && Instances.TryGetValue(key, out var existing))
            {
                existing._references++;
                return existing;
            }

            var database = new SharedDatabase(key, Open(dataSource, options));
            if (key is not null)
            {
                Instances[key] = database;
            }

            return database;
        }
    }

    public void Release()
    {
        lock (Gate)
        {
            if (--_references > 0)
            {
                return;
            }

            if (_key is not null)
            {
                Instances.Remove(_key);
            }
        }

        Handle.Dispose();
    }

    private static string? KeyFor(string dataSource)
    {
        if (dataSource is "" or ":memory:")
        {
            return null;
        }

        return dataSource.StartsWith(":memory:", StringComparison.Ordinal) ? dataSource : Path.GetFullPath(dataSource);
    }

    private static DatabaseHandle Open(string dataSource, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        if (NativeMethods.duckdb_create_config(out var rawConfig) != DuckDbState.Success)
        {
            throw new OutOfMemoryException("DuckDB could not allocate a configuration object.");
        }

        using var config = new ConfigHandle(rawConfig);
        foreach (var (name, value) in options)
        {
            if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
            {
                throw new DuckDbException(
                    $"Invalid Configuration Error: DuckDB rejected option '{name}' = '{value}'.",
                    DuckDbErrorType.InvalidConfiguration);
            }
        }

        var path = dataSource.Length == 0 ? ":memory:" : dataSource;
        if (NativeMethods.duckdb_open_ext(path, out var database, config, out var error) != DuckDbState.Success)
        {
            var message = NativeMethods.TakeString(error) ?? $"DuckDB could not open '{dataSource}'.";
            if (database != 0)
            {
                NativeMethods.duckdb_close(ref database);
            }

            throw DuckDbException.FromMessage(message);
        }

        return new DatabaseHandle(database);
    }
}
