using System.Data.Common;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections.Adapters;

namespace ModelForge.Runner.Connections;

/// <summary>
/// Opens the target's database on another thread while the project loads and compiles, so that the
/// run's first connection finds it open (DuckDB reads the whole catalog when it opens a file: 0.2 s
/// for a thousand tables). Only a head start: the run's own connection still opens, fails and is
/// reported where and as it always was, and a warm-up that fails is forgotten. What it opens is the
/// adapter's choice (<see cref="IRunnerAdapter.OpenAhead"/>): nothing whose opening leaves a trace.
/// Disposing waits for the open to end and closes what it opened.
/// </summary>
internal sealed class ConnectionWarmup : IDisposable
{
    private readonly Task<IDisposable?> _opening;
    private int _disposed;

    private ConnectionWarmup(Task<IDisposable?> opening) => _opening = opening;

    /// <summary>Starts opening <paramref name="target"/>'s database; null when the adapter has nothing to open ahead.</summary>
    public static ConnectionWarmup? Start(TargetProfile target)
    {
        // A test's substitute connection stands in for the database: there is nothing real to open.
        if (ConnectionFactory.Substitute.Value is not null || RunnerAdapters.Find(target) is not { } adapter) return null;
        // A thread of its own: the pool's threads are busy reading and rendering the project right now.
        return new ConnectionWarmup(Task.Factory.StartNew(() => OpenAhead(adapter, target), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    private static IDisposable? OpenAhead(IRunnerAdapter adapter, TargetProfile target)
    {
        try
        {
            return adapter.OpenAhead(target);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            // The run's own open meets the same problem and reports it, after any project errors.
            return null;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Waits without rethrowing: an unexpected failure here is the run's own open's to report.
        Task.WaitAny(_opening);
        if (_opening.IsCompletedSuccessfully) _opening.Result?.Dispose();
    }
}
