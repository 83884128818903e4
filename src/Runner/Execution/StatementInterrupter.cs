using System.Data.Common;

namespace ModelForge.Runner.Execution;

/// <summary>
/// Cancels a running command when the run is cancelled. DuckDB forgets an interrupt that arrives
/// before the statement has really started, so after the first cancel it keeps re-issuing one every
/// 100 ms until the statement returns. Dispose waits for an in-flight cancel, so no interrupt can
/// reach the next statement (such as the cleanup that drops a helper relation).
/// </summary>
internal sealed class StatementInterrupter : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private readonly DbCommand _command;
    private readonly Lock _gate = new();
    private readonly CancellationTokenRegistration _registration;
    private Timer? _timer;
    private bool _done;

    public StatementInterrupter(DbCommand command, CancellationToken cancellation)
    {
        _command = command;
        if (cancellation.CanBeCanceled) _registration = cancellation.Register(Start);
    }

    private void Start()
    {
        lock (_gate)
        {
            if (_done) return;
            _timer = new Timer(_ => Interrupt(), null, TimeSpan.Zero, Period);
        }
    }

    private void Interrupt()
    {
        lock (_gate)
        {
            if (!_done) _command.Cancel();
        }
    }

    public void Dispose()
    {
        _registration.Dispose();
        lock (_gate)
        {
            _done = true;
            _timer?.Dispose();
        }
    }
}
