using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace ModelForge.Runner.Execution.Introspection;

/// <summary>
/// A connection that opens the real one on the first command. It lets `forge compile` give every
/// worker an adapter (run_query, statement, adapter.get_relation…) while a project whose
/// templates never query opens nothing and keeps compile's speed. The real connection belongs
/// to the <see cref="ConnectionOpener"/>, which closes it.
/// </summary>
internal sealed class OnDemandConnection(ConnectionOpener opener) : DbConnection
{
    private DbConnection? _inner;

    private DbConnection Inner => _inner ??= opener.Open();

    [AllowNull]
    public override string ConnectionString
    {
        get => _inner?.ConnectionString ?? "";
        set => throw new NotSupportedException("the connection string comes from the target profile");
    }

    public override string Database => _inner?.Database ?? opener.Target.Database ?? "";

    public override string DataSource => _inner?.DataSource ?? "";

    public override string ServerVersion => Inner.ServerVersion;

    // Always "open" to callers: the first command opens it for real.
    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Open() => _ = Inner;

    public override void Close()
    {
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => Inner.CreateCommand();
}
