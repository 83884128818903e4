using System.Collections.Concurrent;
using ModelForge.Compiler.Compilation;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>The loop the delta's renders, writes and manifest patch share: every item once, failures as thrown.</summary>
public sealed class ParallelLoopTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(5000)]
    public void Every_item_runs_once(int count)
    {
        var runs = new int[count];

        ParallelLoop.For(count, i => Interlocked.Increment(ref runs[i]));

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

    [Test]
    public void The_first_failure_is_rethrown_as_it_was_after_every_item_taken_has_ended()
    {
        var ended = 0;

        var thrown = Assert.Throws<IOException>(() => ParallelLoop.For(100, i =>
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
}
