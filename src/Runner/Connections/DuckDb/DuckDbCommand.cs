using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using ModelForge.Runner.Connections.DuckDb.Native;

namespace ModelForge.Runner.Connections.DuckDb;

/// SQL run on a DuckDbConnection. CommandText may hold several statements separated by ';'; they
/// run in order, ExecuteNonQuery sums the rows they changed, and ExecuteReader reads the last
/// statement's result. Without parameters statements run through duckdb_query; with parameters
/// each is prepared and bound.
internal sealed partial class DuckDbCommand : DbCommand
{
    private readonly DuckDbParameterCollection _parameters = new();
    private string _commandText = "";
    private DuckDbConnection? _connection;

    public DuckDbCommand()
    {
    }

    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        _connection = connection;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? "";
    }

    /// Seconds before the running statement is interrupted; 0 (the default) waits indefinitely,
    /// because model builds legitimately run for a long time.
    public override int CommandTimeout { get; set; }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB commands are SQL text only.");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public new DuckDbParameterCollection Parameters => _parameters;

    public new DuckDbConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = (DuckDbConnection?)value;
    }

    protected override DbParameterCollection DbParameterCollection => _parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    /// Interrupts the statement running on this command's connection (duckdb_interrupt). Safe to
    /// call from another thread; the interrupted call fails with a DuckDbException of type Interrupt.
    public override void Cancel()
    {
        if (_connection is { State: ConnectionState.Open })
        {
            NativeMethods.duckdb_interrupt(_connection.Handle);
        }
    }

    public override int ExecuteNonQuery()
    {
        using var timeout = StartTimeout();
        var total = -1L;
        foreach (var (start, length) in Statements())
        {
            using var result = Run(start, length);
            var changed = RowsChanged(result);
            if (changed >= 0)
            {
                total = Math.Max(total, 0) + changed;
            }
        }

        return (int)Math.Min(total, int.MaxValue);
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.FieldCount > 0 && reader.Read() ? reader.GetValue(0) : null;
    }

    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)ExecuteDbDataReader(CommandBehavior.Default);

    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => (DuckDbDataReader)ExecuteDbDataReader(behavior);

    public override void Prepare()
    {
        // Statements are prepared when they run; there is nothing to do ahead of time.
    }

    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        using var timeout = StartTimeout();
        var statements = Statements();
        for (var i = 0; i < statements.Count - 1; i++)
        {
            Run(statements[i].Start, statements[i].Length).Dispose();
        }

        var (start, length) = statements[^1];
        return new DuckDbDataReader(Run(start, length), behavior, _connection!);
    }

    internal static unsafe long RowsChanged(ResultHandle result) =>
        NativeMethods.duckdb_result_return_type(*result.Pointer) == ResultType.ChangedRows
            ? (long)NativeMethods.duckdb_rows_changed(result.Pointer)
            : -1;

    private List<(int Start, int Length)> Statements()
    {
        var statements = StatementSplitter.Split(_commandText);

        // A single statement runs as written (trailing comments and all) so that DuckDB's own
        // error positions need no adjustment.
        return statements.Count <= 1 ? [(0, _commandText.Length)] : statements;
    }

    private Timer? StartTimeout() =>
        CommandTimeout > 0 ? new Timer(_ => Cancel(), null, TimeSpan.FromSeconds(CommandTimeout), Timeout.InfiniteTimeSpan) : null;
}
