using System.Runtime.ExceptionServices;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// forge's parallel loop over indexes: a handful of items on the calling thread (one model to render after an edit, one
/// node to patch, a few macro files to parse), more handed out one at a time to the calling thread and a pool thread per
/// other core. Not Parallel.For: in a precompiled forge its first use in a process starts an event source and compiles
/// its generic workers at run time (~30 ms of JIT on the critical path of every compile, more at load).
/// </summary>
internal static class ParallelLoop
{
    // Below this many items (a node, a file each), one thread.
    public const int Handful = 8;

    /// <summary>Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>; the first exception thrown is rethrown as it was once all have ended.</summary>
    /// <param name="alone">Below this many items they run on the calling thread: <see cref="Handful"/> for small items,
    /// 2 for chunks of work (a few thousand stats, a slice of the nodes), which are worth a second thread each.</param>
    public static void For(int count, Action<int> body, int alone = Handful)
    {
        if (count < Math.Max(alone, 2))
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        var loop = new Loop(count, body);
        for (var helper = Math.Min(Environment.ProcessorCount, count) - 1; helper > 0; helper--)
            ThreadPool.UnsafeQueueUserWorkItem(loop, preferLocal: false);
        loop.Execute();
        loop.Wait();
    }

    // Items handed out one at a time; a helper that starts after the caller has taken them all finds none and returns.
    private sealed class Loop(int count, Action<int> body) : IThreadPoolWorkItem
    {
        private readonly int _count = count;
        private readonly ManualResetEventSlim _done = new();
        private int _next = -1;
        private int _left = count;
        private ExceptionDispatchInfo? _failure;

        public void Execute()
        {
            int i;
            while ((i = Interlocked.Increment(ref _next)) < _count)
            {
                try
                {
                    // After a failure the rest are only counted off: the caller rethrows once every taken item has ended.
                    if (Volatile.Read(ref _failure) is null) body(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
                }
                finally
                {
                    if (Interlocked.Decrement(ref _left) == 0) _done.Set();
                }
            }
        }

        public void Wait()
        {
            // Not disposed: a helper may still be inside Set, and without a wait handle asked for there is nothing to free.
            _done.Wait();
            _failure?.Throw();
        }
    }
}
