using System.Collections.Concurrent;
using ModelForge.Runner.Execution;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

public sealed class SchedulerTests
{
    // a -> b -> d, a -> c -> d, e stands alone.
    private static readonly string[] Order = ["a", "b", "c", "d", "e"];
    private static readonly Dictionary<string, string[]> Parents = new()
    {
        ["a"] = [], ["b"] = ["a"], ["c"] = ["a"], ["d"] = ["b", "c"], ["e"] = [],
    };

    private static NodeResult Ok(string id) => new(id, NodeStatus.Success, TimeSpan.Zero);

    private static NodeResult Skip(string id, string reason) => new(id, NodeStatus.Skipped, TimeSpan.Zero) { Message = reason };

    [Test]
    public void One_thread_runs_nodes_in_topological_order()
    {
        var ran = new List<string>();
        var results = new Scheduler(1).Run(Order, id => Parents[id], id => { ran.Add(id); return Ok(id); }, Skip);

        Assert.That(ran, Is.EqualTo(Order));
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(NodeStatus.Success));
    }

    [Test]
    public void A_node_never_starts_before_its_parents_finish_with_many_threads()
    {
        var finished = new ConcurrentDictionary<string, bool>();
        var violations = new ConcurrentBag<string>();
        new Scheduler(4).Run(Order, id => Parents[id], id =>
        {
            foreach (var parent in Parents[id]) if (!finished.ContainsKey(parent)) violations.Add(id);
            Thread.Sleep(20);
            finished[id] = true;
            return Ok(id);
        }, Skip);

        Assert.That(violations, Is.Empty);
        Assert.That(finished.Keys, Is.EquivalentTo(Order));
    }

    [Test]
    public void Independent_nodes_run_at_the_same_time()
    {
        var running = 0;
        var peak = 0;
        var independent = Enumerable.Range(0, 8).Select(i => $"n{i}").ToArray();
        new Scheduler(4).Run(independent, _ => [], id =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(50);
            Interlocked.Decrement(ref running);
            return Ok(id);
        }, Skip);

        Assert.That(peak, Is.GreaterThan(1));
    }

    [Test]
    public void A_failure_skips_everything_downstream_and_names_the_cause_but_others_continue()
    {
        var results = new Scheduler(2).Run(Order, id => Parents[id],
            id => id == "b" ? new NodeResult(id, NodeStatus.Error, TimeSpan.Zero) : Ok(id), Skip);
        var byId = results.ToDictionary(r => r.UniqueId);

        Assert.That(byId["b"].Status, Is.EqualTo(NodeStatus.Error));
        Assert.That(byId["c"].Status, Is.EqualTo(NodeStatus.Success));
        Assert.That(byId["e"].Status, Is.EqualTo(NodeStatus.Success));
        Assert.That(byId["d"].Status, Is.EqualTo(NodeStatus.Skipped));
        Assert.That(byId["d"].Message, Does.Contain("upstream b error"));
    }

    [Test]
    public void Cancellation_skips_nodes_not_yet_started()
    {
        using var cancel = new CancellationTokenSource();
        var results = new Scheduler(1).Run(Order, id => Parents[id], id =>
        {
            if (id == "b") cancel.Cancel();
            return Ok(id);
        }, Skip, cancel.Token);

        Assert.That(results.Where(r => r.Status == NodeStatus.Success).Select(r => r.UniqueId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(results.Single(r => r.UniqueId == "e").Message, Does.Contain("cancelled"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
