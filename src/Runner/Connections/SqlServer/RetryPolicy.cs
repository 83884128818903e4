namespace ModelForge.Runner.Connections.SqlServer;

/// <summary>
/// Runs an action again after a transient failure, waiting longer each time (1 s, 2 s, 4 s…, at
/// most <see cref="MaxDelay"/>). SqlClient 2.1 has no retry provider of its own. Only the
/// failures <c>isTransient</c> accepts are retried; the last failure is rethrown unchanged.
/// </summary>
/// <param name="retries">Retries after the first attempt (the profile's <c>retries</c>); 0 tries once.</param>
/// <param name="sleep">How to wait; tests pass a fake that records the delays.</param>
internal sealed class RetryPolicy(int retries, Action<TimeSpan>? sleep = null)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly Action<TimeSpan> _sleep = sleep ?? Thread.Sleep;

    public int Retries { get; } = Math.Max(0, retries);

    public T Run<T>(Func<T> action, Func<Exception, bool> isTransient)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (attempt < Retries && isTransient(e))
            {
                // Filtered, not caught broadly: a failure that is not transient, or the last
                // attempt's, leaves with its own stack and type.
                _sleep(DelayBefore(attempt + 1));
            }
        }
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    public static TimeSpan DelayBefore(int retry)
    {
        var seconds = FirstDelay.TotalSeconds * Math.Pow(2, Math.Max(0, retry - 1));
        return seconds >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }
}
