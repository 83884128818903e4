using System.Data.Common;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>What a materialization needs for one model: where to build it, from what SQL, on which connection.</summary>
internal sealed class MaterializationContext(DbConnection connection, TargetSql sql, RelationCache relations)
{
    private List<string> _statements = [];

    public DbConnection Connection { get; } = connection;

    public TargetSql Sql { get; } = sql;

    public RelationCache Relations { get; } = relations;

    public required string? Database { get; init; }

    public required string Schema { get; init; }

    public required string Identifier { get; init; }

    /// <summary>The model's compiled SELECT, without trailing semicolons.</summary>
    public required string CompiledSql { get; init; }

    /// <summary>The model's enforced contract, once checked; the table is then created from it.</summary>
    public Compiler.Contracts.ModelContract? Contract { get; set; }

    /// <summary>Interrupts the running statement when cancelled (Ctrl-C, --fail-fast).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The model's config (table options such as indexes read it).</summary>
    public IReadOnlyDictionary<string, object?> Config { get; init; } = new Dictionary<string, object?>();

    /// <summary>Warnings the node reports when it succeeds (collected by the executor).</summary>
    public List<Compiler.Diagnostics.Diagnostic> Warnings { get; init; } = [];

    /// <summary>Every statement run, in order, for target/run/.</summary>
    public IReadOnlyList<string> Statements => _statements;

    public string QualifiedName => Sql.QualifiedName(Database, Schema, Identifier);

    /// <summary>The same model and connection with another SELECT (a microbatch batch); statements are recorded in one list.</summary>
    public MaterializationContext WithSql(string compiledSql)
    {
        var batch = OnConnection(Connection, compiledSql);
        batch._statements = _statements;
        return batch;
    }

    /// <summary>The same model on another connection with another SELECT and a statement list of its own (a batch run concurrently).</summary>
    public MaterializationContext OnConnection(DbConnection connection, string compiledSql) => new(connection, Sql, Relations)
    {
        Database = Database,
        Schema = Schema,
        Identifier = Identifier,
        CompiledSql = compiledSql,
        Contract = Contract,
        Cancellation = Cancellation,
        Config = Config,
    };

    /// <summary>Adds statements run on another context (concurrent batches, in batch order) to this one's record.</summary>
    public void Record(IEnumerable<string> statements) => _statements.AddRange(statements);

    /// <summary>Opens a transaction and runs the target's prologue in it (SQL Server: SET XACT_ABORT ON).</summary>
    public DbTransaction BeginTransaction()
    {
        var transaction = Connection.BeginTransaction();
        if (Sql.TransactionPrologue is { } prologue) Execute(prologue, transaction);
        return transaction;
    }

    public int Execute(string statement, DbTransaction? transaction = null)
    {
        _statements.Add(statement);
        using var command = Connection.CreateCommand();
        command.CommandText = statement;
        command.Transaction = transaction;
        using var interrupter = new StatementInterrupter(command, Cancellation);
        return Connections.DuckDb.DuckDbErrors.ExecuteNonQuery(command);
    }

    /// <summary>
    /// Runs a statement that a cancel must not interrupt: the clean-up after a committed swap (the
    /// node has finished; interrupting it would leave the backup table and report the node skipped).
    /// </summary>
    public int ExecuteToCompletion(string statement)
    {
        _statements.Add(statement);
        using var command = Connection.CreateCommand();
        command.CommandText = statement;
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query, recorded with the statements (so a SQL error in the model inside it maps back), and returns its rows.</summary>
    public List<object?[]> QueryRecorded(string statement)
    {
        _statements.Add(statement);
        return this.Query(statement);
    }

    /// <summary>Runs a cleanup statement whose failure must not hide the error being handled.</summary>
    public void TryExecute(string statement)
    {
        try
        {
            // Cleanup must run even after a cancel: it is what removes the half-built helper relation.
            _statements.Add(statement);
            using var command = Connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
        catch (DbException)
        {
            // The original error is what the user needs to see; a failed cleanup leaves only a helper relation.
        }
    }
}
