using ModelForge.Runner.Docs;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Docs;

public sealed class GraphLayoutTests
{
    [Test]
    public void No_edge_goes_backwards_or_stays_in_its_layer()
    {
        var random = new Random(7);
        var edges = new List<(int, int)>();
        for (var child = 1; child < 300; child++)
        {
            for (var k = 0; k < 3; k++) edges.Add((random.Next(child), child));
        }

        var layout = GraphLayout.Compute(300, edges);

        Assert.That(edges.Where(e => layout.Layer[e.Item1] >= layout.Layer[e.Item2]), Is.Empty);
    }

    [Test]
    public void Layers_are_longest_paths_from_the_roots()
    {
        // a -> b -> c, and a -> c: c sits after b, not beside it.
        var layout = GraphLayout.Compute(3, [(0, 1), (1, 2), (0, 2)]);

        Assert.That(layout.Layer, Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void Ordering_sweeps_remove_the_crossings_of_a_known_graph()
    {
        // Two chains whose middle nodes are declared crosswise: 0->3->4 and 1->2->5.
        // In declaration order the edges 0->3 and 1->2 cross; a barycentric sweep untangles them.
        (int, int)[] edges = [(0, 3), (1, 2), (3, 4), (2, 5)];
        var naive = GraphLayout.CountCrossings([0, 0, 1, 1, 2, 2], [0.25, 0.75, 0.25, 0.75, 0.25, 0.75], edges);

        var layout = GraphLayout.Compute(6, edges);

        Assert.That(naive, Is.EqualTo(2));
        Assert.That(layout.Crossings, Is.EqualTo(0));
        Assert.That(layout.Order[3], Is.EqualTo(layout.Order[0]), "node 3 sits level with its parent 0");
    }

    [Test]
    public void Crossings_on_a_denser_graph_are_fewer_than_in_a_shuffled_order()
    {
        var random = new Random(3);
        var edges = new List<(int, int)>();
        // Four layers of 10 nodes; each node links to two nodes of the next layer.
        for (var layer = 0; layer < 3; layer++)
        {
            for (var i = 0; i < 10; i++)
            {
                var from = layer * 10 + i;
                edges.Add((from, (layer + 1) * 10 + i));
                edges.Add((from, (layer + 1) * 10 + random.Next(10)));
            }
        }
        var shuffledRank = new double[40];
        var layers = new int[40];
        for (var v = 0; v < 40; v++)
        {
            layers[v] = v / 10;
            shuffledRank[v] = random.NextDouble();
        }

        var layout = GraphLayout.Compute(40, edges);

        Assert.That(layout.Crossings, Is.LessThan(GraphLayout.CountCrossings(layers, shuffledRank, edges)));
    }

    [Test]
    public void Five_thousand_nodes_lay_out()
    {
        var edges = new List<(int, int)>();
        for (var child = 1; child < 5000; child++) edges.Add((child / 2, child));

        var layout = GraphLayout.Compute(5000, edges);

        Assert.That(layout.Layer.Max(), Is.EqualTo(13), "node n sits at depth floor(log2 n) + 1");
        Assert.That(layout.Crossings, Is.EqualTo(0));
    }
}
