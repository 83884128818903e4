using System.Data.Common;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections;

namespace ModelForge.Runner.Execution;

/// <summary>
/// One worker thread's connection and renderer, opened on first use and kept for the whole run
/// (the design budget allows no per-node connection cost).
/// </summary>
internal sealed class WorkerResources : IDisposable
{
    private readonly ThreadLocal<Worker> _workers;
    private readonly Lazy<Docs.DocReferenceResolver> _docs;
    private readonly Lock _docsLock = new();
    private readonly TargetProfile _target;
    private readonly Lock _closeLock = new();
    private bool _closed;

    public WorkerResources(CompiledProject project, TargetProfile target, RelationCache relations)
    {
        Sql = ConnectionFactory.SqlFor(target);
        Validator = Compiler.Analysis.SqlValidator.ForTarget(target);
        Relations = relations;
        _target = target;
        _workers = new ThreadLocal<Worker>(() =>
        {
            var connection = OpenConnection();
            var adapter = new DatabaseAdapter(connection, Sql, relations);
            return new Worker(connection, new NodeCompiler(project, adapter), $"Thread-{Environment.CurrentManagedThreadId}");
        }, trackAllValues: true);
        // Docs blocks are read once, and only when a node persists its docs.
        _docs = new Lazy<Docs.DocReferenceResolver>(() => new Docs.DocReferenceResolver(
            Docs.DocsBlocks.Collect(project.Project.WithPackages.Select(p => (p.Name, (IEnumerable<ProjectFileEntry>)p.Files.DocsFiles)),
                project.Engine, new Compiler.Diagnostics.DiagnosticBag()),
            new Compiler.Diagnostics.DiagnosticBag()));
    }

    /// <summary>A description with its <c>{{ doc('name') }}</c> references replaced (persist_docs); thread-safe.</summary>
    public string Describe(string? description)
    {
        if (string.IsNullOrEmpty(description)) return "";
        lock (_docsLock) return _docs.Value.Resolve(description);
    }

    public Compiler.Targets.TargetSql Sql { get; }

    /// <summary>The SQL each node compiled to in this invocation, for the manifest written at its end.</summary>
    public Compiler.Artifacts.CompiledCode Compiled { get; } = new();

    /// <summary>Writes target/run/ off the statement path; <see cref="Dispose"/> waits for it.</summary>
    public RunFileWriter RunFiles { get; } = new();

    /// <summary>How many batches of one microbatch model may run at once (the run's --threads).</summary>
    public int BatchLanes { get; init; } = 1;

    /// <summary>A new connection to the target with the session prologue run; the caller disposes it (throws DiagnosticException when it cannot open).</summary>
    public DbConnection OpenConnection()
    {
        var connection = ConnectionFactory.Open(_target);
        if (Sql.SessionPrologue is { } prologue)
        {
            using var command = connection.CreateCommand();
            command.CommandText = prologue;
            command.ExecuteNonQuery();
        }
        return connection;
    }

    /// <summary>The target's compile-time validator (SQL Server: the profile's grammar), run on each model before it is sent.</summary>
    public Compiler.Analysis.SqlValidator Validator { get; }

    public RelationCache Relations { get; }

    /// <summary>Cancelled by Ctrl-C or --fail-fast: running statements are interrupted (DbCommand.Cancel).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The calling thread's worker; throws DiagnosticException when the connection cannot open.</summary>
    public Worker Current => _workers.Value!;

    /// <summary>
    /// Opens the calling thread's connection up front, so a bad target is one clear error rather
    /// than one per node; false (the diagnostic printed to <paramref name="error"/>) when it cannot.
    /// </summary>
    public bool TryOpen(TextWriter error)
    {
        try
        {
            _ = Current;
            return true;
        }
        catch (Compiler.Diagnostics.DiagnosticException e)
        {
            Compiler.Diagnostics.DiagnosticPrinter.Print(error, [e.Diagnostic]);
            return false;
        }
    }

    /// <summary>
    /// Closes every worker's connection, once, whichever thread asks first; the others wait for it.
    /// Closing a file's last connection is DuckDB's checkpoint, seconds after a large run, so a run
    /// calls this on another thread once no node or hook needs a connection, and writes its artifacts meanwhile.
    /// </summary>
    public void CloseConnections()
    {
        lock (_closeLock)
        {
            if (_closed) return;
            _closed = true;
            foreach (var worker in _workers.Values) worker.Connection.Dispose();
        }
    }

    public void Dispose()
    {
        RunFiles.Complete();
        CloseConnections();
        _workers.Dispose();
    }

    internal sealed record Worker(DbConnection Connection, NodeCompiler Compiler, string ThreadName);
}
