using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections;

namespace ModelForge.Runner.Execution.Introspection;

/// <summary>
/// One <see cref="NodeCompiler"/> per thread for commands that render without running (compile,
/// docs generate), each with an adapter on an <see cref="OnDemandConnection"/>: as in dbt,
/// <c>execute</c> is true and run_query, statement, adapter.get_relation and is_incremental()
/// see the database, but a connection opens only when a template first asks for it.
/// </summary>
internal sealed class IntrospectiveCompilers : IDisposable
{
    private readonly ThreadLocal<NodeCompiler> _compilers;

    public IntrospectiveCompilers(CompiledProject project, TargetProfile target)
    {
        Opener = new ConnectionOpener(target);
        Compiler.Targets.TargetSql? sql;
        try
        {
            sql = ConnectionFactory.SqlFor(target);
        }
        catch (Compiler.Diagnostics.DiagnosticException)
        {
            // A target forge cannot connect to still compiles; its queries report MF2508.
            sql = null;
        }
        var relations = sql is null ? null : new RelationCache(sql);
        _compilers = new ThreadLocal<NodeCompiler>(() => new NodeCompiler(project,
            sql is null ? null : new DatabaseAdapter(new OnDemandConnection(Opener), sql, relations!)));
    }

    /// <summary>
    /// The error of a node's render; a database call that carries no position of its own (a failed
    /// adapter.get_relation or is_incremental()) is placed at the node's definition.
    /// </summary>
    public static Compiler.Diagnostics.Diagnostic Locate(Compiler.Diagnostics.Diagnostic error, ProjectNode node) =>
        error.Span is null && node.DefinitionSpan is { } span ? error with { Span = span } : error;

    public ConnectionOpener Opener { get; }

    /// <summary>The calling thread's compiler.</summary>
    public NodeCompiler Current => _compilers.Value!;

    public void Dispose()
    {
        _compilers.Dispose();
        Opener.CloseAll();
    }
}
