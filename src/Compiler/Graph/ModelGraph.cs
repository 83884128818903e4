namespace ModelForge.Compiler.Graph;

/// <summary>
/// The lineage DAG over node unique ids (<c>model.shop.orders</c>, <c>source.shop.raw.orders</c>…).
/// Edges point from a parent (what is read) to a child (what reads it). Built once, then read-only.
/// </summary>
public sealed class ModelGraph
{
    private readonly Dictionary<string, int> _index;
    private readonly List<string> _ids;
    // Each node's neighbours as sorted index lists (a node has a handful: a list beats a set). A node without any
    // (a test's children, a source's parents: half of them at 10,000 models) holds the shared empty list, replaced by
    // its own at its first edge.
    private readonly List<List<int>> _parents;
    private readonly List<List<int>> _children;
    private static readonly List<int> None = [];

    public ModelGraph() : this(0)
    {
    }

    /// <param name="capacity">How many nodes the graph will have: its tables are sized once rather than grown (19,383 nodes at 10,000 models).</param>
    internal ModelGraph(int capacity)
    {
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _ids = new List<string>(capacity);
        _parents = new List<List<int>>(capacity);
        _children = new List<List<int>>(capacity);
    }

    public int Count => _ids.Count;

    public IReadOnlyList<string> Nodes => _ids;

    public bool Contains(string id) => _index.ContainsKey(id);

    public void AddNode(string id)
    {
        if (!_index.TryAdd(id, _ids.Count)) return;
        _ids.Add(id);
        _parents.Add(None);
        _children.Add(None);
    }

    /// <summary>Adds <paramref name="parent"/> → <paramref name="child"/>, adding either node if new.</summary>
    public void AddEdge(string parent, string child)
    {
        AddNode(parent);
        AddNode(child);
        AddEdge(_index[parent], _index[child]);
    }

    /// <summary>As <see cref="AddEdge(string, string)"/> between two nodes already added, by their indexes (<see cref="IndexOf"/>): no id looked up.</summary>
    internal void AddEdge(int parent, int child)
    {
        InsertSorted(_parents, child, parent);
        InsertSorted(_children, parent, child);
    }

    private static void InsertSorted(List<List<int>> lists, int node, int value)
    {
        var list = lists[node];
        // Most nodes have one or two neighbours: a list of one grows to four only when a second comes.
        if (ReferenceEquals(list, None)) lists[node] = list = new List<int>(1);
        // Edges mostly arrive in index order: appending is the common case.
        if (list.Count == 0 || list[^1] < value)
        {
            list.Add(value);
            return;
        }
        var at = list.BinarySearch(value);
        if (at < 0) list.Insert(~at, value);
    }

    public IEnumerable<string> Parents(string id) => Map(_parents[_index[id]]);

    public IEnumerable<string> Children(string id) => Map(_children[_index[id]]);

    /// <summary>Every node <paramref name="id"/> depends on, transitively, up to <paramref name="depth"/> levels.</summary>
    public IReadOnlySet<string> Ancestors(string id, int depth = int.MaxValue) => Walk(id, _parents, depth);

    /// <summary>Every node that depends on <paramref name="id"/>, transitively, up to <paramref name="depth"/> levels.</summary>
    public IReadOnlySet<string> Descendants(string id, int depth = int.MaxValue) => Walk(id, _children, depth);

    /// <summary>
    /// Parents before children; among nodes that are ready at the same time, ordinal order of id,
    /// so the order never depends on file system or thread timing. Null when the graph has a cycle.
    /// </summary>
    public IReadOnlyList<string>? TopologicalOrder()
    {
        // Ready nodes are taken by their rank in ordinal id order: ids are sorted once, not compared in a sorted set.
        var rank = OrdinalRanks();
        var byRank = new int[_ids.Count];
        for (var i = 0; i < _ids.Count; i++) byRank[rank[i]] = i;
        var pending = new int[_ids.Count];
        var ready = new RankHeap(_ids.Count);
        for (var i = 0; i < _ids.Count; i++)
        {
            pending[i] = _parents[i].Count;
            if (pending[i] == 0) ready.Push(rank[i]);
        }
        var order = new List<string>(_ids.Count);
        while (ready.TryPop(out var nextRank))
        {
            var next = byRank[nextRank];
            order.Add(_ids[next]);
            foreach (var child in _children[next])
            {
                if (--pending[child] == 0) ready.Push(rank[child]);
            }
        }
        return order.Count == _ids.Count ? order : null;
    }

    /// <summary>Whether any cycle exists (Kahn's count on indexes: no strings compared).</summary>
    internal bool HasCycle()
    {
        var pending = new int[_ids.Count];
        // An array as the stack (each node is pushed at most once): Stack<int> has no precompiled code.
        var ready = new int[_ids.Count];
        var count = 0;
        for (var i = 0; i < _ids.Count; i++)
        {
            pending[i] = _parents[i].Count;
            if (pending[i] == 0) ready[count++] = i;
        }
        var seen = 0;
        while (count > 0)
        {
            var next = ready[--count];
            seen++;
            foreach (var child in _children[next])
            {
                if (--pending[child] == 0) ready[count++] = child;
            }
        }
        return seen < _ids.Count;
    }

    // rank[i] = the position of node i's id among all ids in ordinal order.
    private int[] OrdinalRanks()
    {
        // The compiler adds nodes in ordinal id order: then the rank is the index, and nothing needs sorting.
        var sorted = true;
        for (var i = 1; i < _ids.Count && sorted; i++) sorted = string.CompareOrdinal(_ids[i - 1], _ids[i]) < 0;
        if (sorted)
        {
            var identity = new int[_ids.Count];
            for (var i = 0; i < identity.Length; i++) identity[i] = i;
            return identity;
        }
        var byId = new int[_ids.Count];
        for (var i = 0; i < byId.Length; i++) byId[i] = i;
        Array.Sort(byId, (a, b) => string.CompareOrdinal(_ids[a], _ids[b]));
        var rank = new int[byId.Length];
        for (var r = 0; r < byId.Length; r++) rank[byId[r]] = r;
        return rank;
    }

    internal IReadOnlyList<int> ChildIndexes(int node) => _children[node];

    internal int IndexOf(string id) => _index[id];

    /// <summary>The index of <paramref name="id"/>, or -1 when it is not a node.</summary>
    internal int IndexOrMinus(string id) => _index.TryGetValue(id, out var index) ? index : -1;

    internal string IdAt(int index) => _ids[index];

    /// <summary>The parents of the node at <paramref name="index"/>, as indexes (<see cref="IdAt"/>) in <see cref="Parents"/>' order; not to be changed.</summary>
    internal List<int> ParentsAt(int index) => _parents[index];

    /// <summary>The children of the node at <paramref name="index"/>, as indexes (<see cref="IdAt"/>) in <see cref="Children"/>' order; not to be changed.</summary>
    internal List<int> ChildrenAt(int index) => _children[index];

    private IEnumerable<string> Map(List<int> set)
    {
        foreach (var i in set) yield return _ids[i];
    }

    private HashSet<string> Walk(string id, List<List<int>> edges, int depth)
    {
        var seen = new HashSet<int>();
        var frontier = new List<int> { _index[id] };
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var neighbour in edges[node])
                {
                    if (seen.Add(neighbour)) next.Add(neighbour);
                }
            }
            frontier = next;
        }
        seen.Remove(_index[id]);
        return seen.Select(i => _ids[i]).ToHashSet(StringComparer.Ordinal);
    }
}
