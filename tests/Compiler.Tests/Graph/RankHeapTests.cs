using ModelForge.Compiler.Graph;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Graph;

public sealed class RankHeapTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Pushes_and_pops_in_any_mix_come_out_as_the_framework_priority_queue_gives_them(int seed)
    {
        var random = new Random(seed);
        var ranks = Enumerable.Range(0, 2_000).OrderBy(_ => random.Next()).ToArray();
        var heap = new RankHeap(ranks.Length);
        var queue = new PriorityQueue<int, int>();
        var popped = new List<int>();
        var expected = new List<int>();
        foreach (var rank in ranks)
        {
            heap.Push(rank);
            queue.Enqueue(rank, rank);
            while (random.Next(3) == 0 && queue.TryDequeue(out var next, out _))
            {
                expected.Add(next);
                Assert.That(heap.TryPop(out var mine), Is.True);
                popped.Add(mine);
            }
        }
        while (queue.TryDequeue(out var next, out _)) expected.Add(next);
        while (heap.TryPop(out var mine)) popped.Add(mine);

        Assert.That(popped, Is.EqualTo(expected));
    }

    [Test]
    public void An_empty_heap_pops_nothing()
    {
        var heap = new RankHeap(4);
        heap.Push(3);

        Assert.That(heap.TryPop(out var only), Is.True);
        Assert.That(only, Is.EqualTo(3));
        Assert.That(heap.TryPop(out _), Is.False);
    }
}
