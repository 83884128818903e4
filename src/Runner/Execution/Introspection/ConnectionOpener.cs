using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections;

namespace ModelForge.Runner.Execution.Introspection;

/// <summary>
/// Opens the target's connections for one command that only connects when a template queries.
/// The first failure is kept, so a target that cannot be reached is tried once (a SQL Server
/// login timeout is paid once, not per node) and every node that queries fails the same way.
/// </summary>
internal sealed class ConnectionOpener(TargetProfile target)
{
    private readonly Lock _gate = new();
    private readonly List<DbConnection> _opened = [];
    private Diagnostic? _failure;

    public TargetProfile Target { get; } = target;

    /// <summary>How many connections were opened: zero for a project whose templates never query.</summary>
    public int OpenedCount
    {
        get
        {
            lock (_gate) return _opened.Count;
        }
    }

    /// <summary>A new open connection; throws DiagnosticException (without a span: the template call has it).</summary>
    public DbConnection Open()
    {
        lock (_gate)
        {
            if (_failure is { } failed) throw new DiagnosticException(failed);
        }
        try
        {
            var connection = ConnectionFactory.Open(Target);
            lock (_gate) _opened.Add(connection);
            return connection;
        }
        catch (DiagnosticException e)
        {
            var failure = DiagnosticCodes.Introspection.ConnectionUnavailable(Target.Name, ConnectionFactory.Describe(Target),
                e.Diagnostic.Message, Target.SourceSpan?.Path) with { Detail = e.Diagnostic.Hint };
            lock (_gate) _failure ??= failure;
            throw new DiagnosticException(failure);
        }
    }

    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var connection in _opened) connection.Dispose();
            _opened.Clear();
        }
    }
}
