namespace ModelForge.Compiler.Graph;

/// <summary>Finds cycles so that the error can name the whole path, e.g. <c>a -> b -> c -> a</c>.</summary>
public static class CycleFinder
{
    /// <summary>
    /// One cycle per strongly connected group, each as the list of ids along it with the first id
    /// repeated at the end. Deterministic: starts from the ordinally smallest id of each cycle.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindCycles(ModelGraph graph)
    {
        // The common case, no cycle, is settled without the ordered search below.
        if (!graph.HasCycle()) return [];
        const int unvisited = 0, onStack = 1, done = 2;
        var state = new int[graph.Count];
        var cycles = new List<IReadOnlyList<string>>();
        var inCycle = new HashSet<int>();
        var starts = Enumerable.Range(0, graph.Count).OrderBy(graph.IdAt, StringComparer.Ordinal);

        foreach (var start in starts)
        {
            if (state[start] != unvisited) continue;
            // Iterative DFS: a project can have chains thousands of models deep.
            var path = new List<int>();
            var stack = new Stack<(int Node, IEnumerator<int> Children)>();
            Push(start);
            while (stack.Count > 0)
            {
                var (node, children) = stack.Peek();
                if (!children.MoveNext())
                {
                    state[node] = done;
                    stack.Pop();
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                var child = children.Current;
                if (state[child] == unvisited) Push(child);
                else if (state[child] == onStack && !inCycle.Contains(child))
                {
                    var from = path.IndexOf(child);
                    var cycle = path.Skip(from).ToList();
                    inCycle.UnionWith(cycle);
                    cycles.Add(Rotate(cycle).Select(graph.IdAt).Append(graph.IdAt(Rotate(cycle)[0])).ToList());
                }
            }

            void Push(int node)
            {
                state[node] = onStack;
                path.Add(node);
                stack.Push((node, graph.ChildIndexes(node).OrderBy(graph.IdAt, StringComparer.Ordinal).GetEnumerator()));
            }
        }
        return cycles;

        List<int> Rotate(List<int> cycle)
        {
            var min = 0;
            for (var i = 1; i < cycle.Count; i++)
            {
                if (string.CompareOrdinal(graph.IdAt(cycle[i]), graph.IdAt(cycle[min])) < 0) min = i;
            }
            return cycle.Skip(min).Concat(cycle.Take(min)).ToList();
        }
    }
}
