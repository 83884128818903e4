using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// A connection to an embedded DuckDB database. Connection string: "Data Source=path" (or
/// ":memory:", ":memory:NAME"); every other key is passed to DuckDB as a configuration option
/// (threads, access_mode, memory_limit, …).
///
/// Thread-safety: use one connection per thread. Any number of connections may be open on the
/// same database at once (they share one DuckDB instance); only Cancel may be called from another
/// thread while a command runs.
internal sealed class DuckDbConnection : DbConnection
{
    private string _connectionString = "";
    private string _dataSource = "";
    private List<KeyValuePair<string, string>> _options = [];
    private ConnectionHandle? _handle;

    public DuckDbConnection()
    {
    }

    public DuckDbConnection(string connectionString)
    {
        ConnectionString = connectionString;
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_handle is not null)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            (_dataSource, _options) = Parse(value ?? "");
            _connectionString = value ?? "";
        }
    }

    public override string Database => _dataSource;

    public override string DataSource => _dataSource;

    public override string ServerVersion => LibraryVersion;

    /// The version string of the loaded libduckdb (duckdb_library_version), e.g. "v1.5.6".
    public static string LibraryVersion => NativeMethods.ReadString(NativeMethods.duckdb_library_version()) ?? "";

    public override ConnectionState State => _handle is null ? ConnectionState.Closed : ConnectionState.Open;

    /// The transaction begun on this connection and not yet committed or rolled back.
    internal DuckDbTransaction? CurrentTransaction { get; set; }

    internal ConnectionHandle Handle =>
        _handle ?? throw new InvalidOperationException("The connection is not open.");

    public override void Open()
    {
        if (_handle is not null)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var database = SharedDatabase.Acquire(_dataSource, _options);
        if (NativeMethods.duckdb_connect(database.Handle, out var connection) != DuckDbState.Success)
        {
            database.Release();
            throw new DuckDbException($"Connection Error: could not connect to DuckDB database '{_dataSource}'.", DuckDbErrorType.Connection);
        }

        _handle = new ConnectionHandle(connection, database);
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    public override void Close()
    {
        if (_handle is null)
        {
            return;
        }

        // An open transaction dies with its connection, as DuckDB rolls it back on disconnect.
        CurrentTransaction = null;
        _handle.Dispose();
        _handle = null;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections cannot change database; ATTACH and USE a database with SQL instead.");

    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// Starts a bulk load into schema.table (schema null: the default schema).
    public DuckDbAppender CreateAppender(string table, string? schema = null) => new(this, schema, table);

    public new DuckDbTransaction BeginTransaction() => (DuckDbTransaction)BeginDbTransaction(IsolationLevel.Unspecified);

    protected override DbCommand CreateDbCommand() => CreateCommand();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already active on this connection; DuckDB does not nest transactions.");
        }

        // DuckDB runs every transaction under snapshot isolation; stricter or looser levels
        // cannot be honoured, so they are refused rather than silently downgraded.
        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable))
        {
            throw new NotSupportedException($"DuckDB transactions use snapshot isolation; {isolationLevel} is not available.");
        }

        Execute("BEGIN TRANSACTION");
        CurrentTransaction = new DuckDbTransaction(this);
        return CurrentTransaction;
    }

    /// Runs SQL that returns nothing of interest (transaction control, settings).
    internal void Execute(string sql)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private static (string DataSource, List<KeyValuePair<string, string>> Options) Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var dataSource = "";
        var options = new List<KeyValuePair<string, string>>();
        foreach (string key in builder.Keys)
        {
            var value = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (key.Equals("Data Source", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DataSource", StringComparison.OrdinalIgnoreCase))
            {
                dataSource = value;
            }
            else
            {
                options.Add(new(key, value));
            }
        }

        return (dataSource, options);
    }
}
