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

    /// <summary>
    /// As <see cref="For"/>, but each thread works through a contiguous share of the indexes, front to back, and only
    /// then takes what is left at the back of another's share. For work in an order where neighbours touch the same
    /// things: compiled files written in the graph's order fall into the same folders one after another, and two
    /// threads creating files in one folder queue on its lock in the kernel.
    /// </summary>
    public static void ForInShares(int count, Action<int> body)
    {
        var threads = Math.Min(Environment.ProcessorCount, count / Handful);
        if (threads < 2)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        var shares = new Shares(count, threads, body);
        for (var helper = 1; helper < threads; helper++) ThreadPool.UnsafeQueueUserWorkItem(shares, preferLocal: false);
        shares.Work(0);
        shares.Wait();
    }

    // Share s is [_next[s], _end[s]): its thread takes from the front, others from the back once theirs is empty.
    // A lock per share: taken ~20,000 times in a compile, nearly always by one thread, it costs next to nothing.
    private sealed class Shares : Items, IThreadPoolWorkItem
    {
        private readonly int[] _next;
        private readonly int[] _end;
        private readonly object[] _locks;
        private int _joined;

        public Shares(int count, int threads, Action<int> body) : base(count, body)
        {
            (_next, _end, _locks) = (new int[threads], new int[threads], new object[threads]);
            for (var s = 0; s < threads; s++)
            {
                _next[s] = (int)((long)count * s / threads);
                _end[s] = (int)((long)count * (s + 1) / threads);
                _locks[s] = new object();
            }
        }

        // A helper owns the next share in the order helpers start (the caller owns share 0).
        public void Execute() => Work(Interlocked.Increment(ref _joined));

        public void Work(int own)
        {
            int i;
            while ((i = TakeFront(own)) >= 0 || (i = TakeBack()) >= 0) Run(i);
        }

        private int TakeFront(int share)
        {
            lock (_locks[share]) return _next[share] < _end[share] ? _next[share]++ : -1;
        }

        private int TakeBack()
        {
            for (var s = 0; s < _next.Length; s++)
            {
                lock (_locks[s])
                {
                    if (_next[s] < _end[s]) return --_end[s];
                }
            }
            return -1;
        }
    }

    // Items handed out one at a time; a helper that starts after the caller has taken them all finds none and returns.
    private sealed class Loop(int count, Action<int> body) : Items(count, body), IThreadPoolWorkItem
    {
        private readonly int _count = count;
        private int _next = -1;

        public void Execute()
        {
            int i;
            while ((i = Interlocked.Increment(ref _next)) < _count) Run(i);
        }
    }

    // What both ways of handing out items share: running one, keeping the first failure, and waiting for all.
    private abstract class Items(int count, Action<int> body)
    {
        private readonly ManualResetEventSlim _done = new();
        private int _left = count;
        private ExceptionDispatchInfo? _failure;

        protected void Run(int i)
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

        public void Wait()
        {
            // Not disposed: a helper may still be inside Set, and without a wait handle asked for there is nothing to free.
            _done.Wait();
            _failure?.Throw();
        }
    }
}
