using System.Data;
using System.Data.Common;

namespace ModelForge.Runner.Connections.DuckDb;

/// A DuckDB transaction, driven with BEGIN TRANSACTION / COMMIT / ROLLBACK on its connection.
/// Disposing without committing rolls back.
internal sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? _connection;

    public DuckDbTransaction(DuckDbConnection connection)
    {
        _connection = connection;
    }

    public override IsolationLevel IsolationLevel => IsolationLevel.Snapshot;

    protected override DbConnection? DbConnection => _connection;

    public override void Commit() => Finish("COMMIT");

    public override void Rollback() => Finish("ROLLBACK");

    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is { State: ConnectionState.Open } && _connection.CurrentTransaction == this)
        {
            Finish("ROLLBACK");
        }

        base.Dispose(disposing);
    }

    private void Finish(string sql)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        _connection = null;
        connection.CurrentTransaction = null;
        connection.Execute(sql);
    }
}
