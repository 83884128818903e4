using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>
/// A connection that needs no server: it records every statement and transaction in a shared
/// <see cref="StatementLog"/> and answers queries from a script (DbUp's RecordingDbConnection,
/// in our own form). Unscripted queries return no rows; statements affect -1 rows; a statement
/// <paramref name="fail"/> gives a message for throws it as the server's error.
/// </summary>
internal sealed class RecordingConnection(StatementLog log, Func<string, DataTable?> answer, Func<string, string?>? fail = null) : DbConnection
{
    private ConnectionState _state = ConnectionState.Closed;

    [AllowNull]
    public override string ConnectionString { get; set; } = "recording";

    public override string Database => "warehouse";

    public override string DataSource => "recording";

    public override string ServerVersion => "15.0";

    public override ConnectionState State => _state;

    public StatementLog Log { get; } = log;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open() => _state = ConnectionState.Open;

    public override void Close() => _state = ConnectionState.Closed;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        Log.Add("BEGIN TRANSACTION");
        return new RecordingTransaction(this, isolationLevel);
    }

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

    internal DataTable Answer(string text) => answer(text) ?? new DataTable();

    internal void ThrowIfScriptedToFail(string text)
    {
        if (fail?.Invoke(text) is { } message) throw new RecordedServerError(message);
    }

    private sealed class RecordedServerError(string message) : DbException(message);

    private sealed class RecordingTransaction(RecordingConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        private bool _done;

        public override IsolationLevel IsolationLevel { get; } = isolationLevel;

        protected override DbConnection DbConnection => connection;

        public override void Commit() => End("COMMIT TRANSACTION");

        public override void Rollback() => End("ROLLBACK TRANSACTION");

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_done) Rollback();
            base.Dispose(disposing);
        }

        private void End(string statement)
        {
            _done = true;
            connection.Log.Add(statement);
        }
    }

    private sealed class RecordingCommand(RecordingConnection connection) : DbCommand
    {
        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; } = connection;

        protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException("the recording connection takes no parameters");

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery()
        {
            connection.Log.Add(CommandText);
            connection.ThrowIfScriptedToFail(CommandText);
            return -1;
        }

        public override object? ExecuteScalar()
        {
            using var reader = ExecuteDbDataReader(CommandBehavior.Default);
            return reader.Read() ? reader.GetValue(0) : null;
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => throw new NotSupportedException("the recording connection takes no parameters");

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            connection.Log.Add(CommandText);
            return connection.Answer(CommandText).CreateDataReader();
        }
    }
}
