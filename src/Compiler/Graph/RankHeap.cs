namespace ModelForge.Compiler.Graph;

/// <summary>
/// A min-heap of distinct ints (ranks) with a fixed capacity, for the topological order's ready nodes. Ours rather
/// than PriorityQueue&lt;int, int&gt;: framework generics over value types have no precompiled code, so each of its
/// methods was compiled at run time on every compile; with distinct ranks both pop the same sequence.
/// </summary>
internal sealed class RankHeap(int capacity)
{
    private readonly int[] _items = new int[capacity];
    private int _count;

    public void Push(int rank)
    {
        var at = _count++;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (_items[parent] <= rank) break;
            _items[at] = _items[parent];
            at = parent;
        }
        _items[at] = rank;
    }

    public bool TryPop(out int rank)
    {
        if (_count == 0)
        {
            rank = 0;
            return false;
        }
        rank = _items[0];
        var last = _items[--_count];
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _items[child + 1] < _items[child]) child++;
            if (_items[child] >= last) break;
            _items[at] = _items[child];
            at = child;
        }
        if (_count > 0) _items[at] = last;
        return true;
    }
}
