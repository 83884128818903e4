namespace ModelForge.Runner.Execution;

/// <summary>
/// Runs nodes in dependency order on N worker threads. A node starts when all of its selected
/// parents finished without blocking; if one blocked, it is skipped with the reason, and so is
/// everything below it. Among ready nodes the one earliest in the topological order goes first,
/// so a one-thread run is exactly the topological order.
/// </summary>
internal sealed class Scheduler(int threads)
{
    /// <summary>The skip reason of nodes not started because the run was cancelled.</summary>
    public const string CancelledReason = "the run was cancelled";

    /// <param name="order">The selected nodes in topological order.</param>
    /// <param name="parentsOf">The selected parents of a node.</param>
    /// <param name="execute">Runs one node; called on worker threads, never twice for one node.</param>
    /// <param name="onSkipped">Called when a node is skipped because an ancestor blocked.</param>
    public IReadOnlyList<NodeResult> Run(
        IReadOnlyList<string> order,
        Func<string, IEnumerable<string>> parentsOf,
        Func<string, NodeResult> execute,
        Func<string, string, NodeResult> onSkipped,
        CancellationToken cancellation = default)
    {
        var position = new Dictionary<string, int>(order.Count, StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++) position[order[i]] = i;

        var pending = new int[order.Count];
        var children = new List<int>[order.Count];
        for (var i = 0; i < order.Count; i++) children[i] = [];
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var parent in parentsOf(order[i]))
            {
                if (!position.TryGetValue(parent, out var p)) continue;
                pending[i]++;
                children[p].Add(i);
            }
        }

        var results = new NodeResult?[order.Count];
        var blockedBy = new string?[order.Count];
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < order.Count; i++) if (pending[i] == 0) ready.Enqueue(i, i);

        var gate = new object();
        var remaining = order.Count;
        var running = 0;

        void Worker()
        {
            while (true)
            {
                int node;
                lock (gate)
                {
                    // Nothing ready and nothing running means nothing left can become ready.
                    while (ready.Count == 0 && remaining > 0 && running > 0) Monitor.Wait(gate);
                    if (ready.Count == 0)
                    {
                        Monitor.PulseAll(gate);
                        return;
                    }
                    node = ready.Dequeue();
                    running++;
                }

                NodeResult result;
                if (blockedBy[node] is { } reason) result = onSkipped(order[node], reason);
                else if (cancellation.IsCancellationRequested) result = onSkipped(order[node], CancelledReason);
                else result = execute(order[node]);

                lock (gate)
                {
                    results[node] = result;
                    running--;
                    remaining--;
                    foreach (var child in children[node])
                    {
                        if (result.Status.BlocksDownstream() && blockedBy[child] is null)
                            blockedBy[child] = blockedBy[node] ?? $"upstream {order[node]} {result.Status.ToArtifactString()}";
                        if (--pending[child] == 0) ready.Enqueue(child, child);
                    }
                    Monitor.PulseAll(gate);
                }
            }
        }

        var workers = Math.Max(1, Math.Min(threads, order.Count));
        if (workers == 1) Worker();
        else
        {
            var pool = Enumerable.Range(0, workers).Select(_ => new Thread(Worker) { IsBackground = true }).ToList();
            pool.ForEach(t => t.Start());
            pool.ForEach(t => t.Join());
        }
        return results.Select((r, i) => r ?? onSkipped(order[i], "not reached")).ToList();
    }
}
