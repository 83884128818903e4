using System.Collections.Concurrent;
using ModelForge.Compiler.Compilation;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>
/// The loops the renders, writes and manifest patch share: every item once, failures as thrown; in shares, each thread
/// works through a contiguous share before helping with another's.
/// </summary>
public sealed class ParallelLoopTests
{
    // Either loop: one item at a time, or in shares.
    private static Action<int, Action<int>> Loop(bool inShares) =>
        inShares ? ParallelLoop.ForInShares : (count, body) => ParallelLoop.For(count, body);

    [Test]
    public void Every_item_runs_once([Values(0, 1, 7, 8, 16, 17, 5000)] int count, [Values] bool inShares)
    {
        var runs = new int[count];

        Loop(inShares)(count, i => Interlocked.Increment(ref runs[i]));

        Assert.That(runs, Is.All.EqualTo(1));
    }

    [Test]
    public void A_handful_runs_on_the_calling_thread()
    {
        var threads = new ConcurrentBag<int>();

        ParallelLoop.For(7, _ => threads.Add(Environment.CurrentManagedThreadId));

        Assert.That(threads.Distinct(), Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
    }

    [Test]
    public void More_are_shared_with_other_threads_when_there_are_cores()
    {
        if (Environment.ProcessorCount < 2) Assert.Ignore("one core");
        var threads = new ConcurrentDictionary<int, bool>();
        using var second = new ManualResetEventSlim();
        var waited = 0;

        // The first item waits (up to 5 s) until another thread has taken one: only a second thread ends the wait early.
        ParallelLoop.For(64, _ =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, true);
            if (threads.Count > 1) second.Set();
            if (Interlocked.Exchange(ref waited, 1) == 0) second.Wait(TimeSpan.FromSeconds(5));
        });

        Assert.That(threads.Count, Is.GreaterThan(1));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_first_failure_is_rethrown_as_it_was_after_every_item_taken_has_ended(bool inShares)
    {
        var ended = 0;

        var thrown = Assert.Throws<IOException>(() => Loop(inShares)(100, i =>
        {
            try
            {
                if (i == 10) throw new IOException("disk full at 10");
                Thread.Sleep(1);
            }
            finally
            {
                Interlocked.Increment(ref ended);
            }
        }));

        Assert.That(thrown!.Message, Is.EqualTo("disk full at 10"));
        var endedWhenThrown = Volatile.Read(ref ended);
        Thread.Sleep(50);
        Assert.That(Volatile.Read(ref ended), Is.EqualTo(endedWhenThrown), "nothing still running after the throw");
    }

    [Test]
    public void In_shares_the_caller_works_through_the_first_share_in_order_and_others_start_at_their_shares()
    {
        if (Environment.ProcessorCount < 2) Assert.Ignore("one core");
        const int count = 400;
        var threads = Math.Min(Environment.ProcessorCount, count / ParallelLoop.Handful);
        var shareStarts = Enumerable.Range(0, threads).Select(s => count * s / threads).ToHashSet();
        var taken = new ConcurrentDictionary<int, ConcurrentQueue<int>>();
        var caller = Environment.CurrentManagedThreadId;
        using var helped = new ManualResetEventSlim();

        // The first item waits (up to 5 s) for a helper to start, so that a slow thread pool does not leave it all to the caller.
        ParallelLoop.ForInShares(count, i =>
        {
            taken.GetOrAdd(Environment.CurrentManagedThreadId, _ => new ConcurrentQueue<int>()).Enqueue(i);
            if (Environment.CurrentManagedThreadId != caller) helped.Set();
            if (i == 0) helped.Wait(TimeSpan.FromSeconds(5));
            Thread.Sleep(1);
        });

        Assert.That(taken[caller].Take(10), Is.EqualTo(Enumerable.Range(0, 10)), "the caller's share, front to back");
        Assert.That(taken.Count, Is.GreaterThan(1), "helped by another thread");
        foreach (var (thread, items) in taken)
        {
            var first = items.First();
            Assert.That(shareStarts, Does.Contain(first), $"thread {thread} began at a share's start");
            Assert.That(items.Take(3), Is.EqualTo(Enumerable.Range(first, 3)), $"thread {thread} went on in order");
        }
    }

    [Test]
    public void In_shares_a_thread_done_with_its_own_takes_from_the_back_of_another()
    {
        if (Environment.ProcessorCount < 2) Assert.Ignore("one core");
        const int count = 64;
        var threads = Math.Min(Environment.ProcessorCount, count / ParallelLoop.Handful);
        var (ownEnd, nextEnd) = (count / threads, count * 2 / threads);
        var byCaller = new ConcurrentQueue<int>();
        var caller = Environment.CurrentManagedThreadId;

        // The caller's share is quick, the others slow: it finishes first and then takes the last item of the next share.
        ParallelLoop.ForInShares(count, i =>
        {
            if (Environment.CurrentManagedThreadId == caller) byCaller.Enqueue(i);
            if (i >= ownEnd) Thread.Sleep(20);
        });

        Assert.That(byCaller.Take(ownEnd), Is.EqualTo(Enumerable.Range(0, ownEnd)));
        Assert.That(byCaller.Skip(ownEnd).FirstOrDefault(-1), Is.EqualTo(nextEnd - 1));
    }
}
