using ModelForge.Compiler.Graph;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Graph;

public sealed class ModelGraphTests
{
    private static ModelGraph Build(params (string Parent, string Child)[] edges)
    {
        var graph = new ModelGraph();
        foreach (var (parent, child) in edges) graph.AddEdge(parent, child);
        return graph;
    }

    [Test]
    public void Topological_order_puts_parents_first_and_breaks_ties_by_id()
    {
        var graph = Build(("c", "d"), ("a", "d"), ("b", "c"));
        graph.AddNode("e");

        Assert.That(graph.TopologicalOrder(), Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
    }

    [Test]
    public void Topological_order_does_not_depend_on_insertion_order()
    {
        var forward = Build(("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"));
        var backward = Build(("c", "d"), ("b", "d"), ("a", "c"), ("a", "b"));

        Assert.That(backward.TopologicalOrder(), Is.EqualTo(forward.TopologicalOrder()));
    }

    [Test]
    public void A_first_edge_gives_only_its_two_nodes_neighbours()
    {
        var graph = new ModelGraph();
        foreach (var id in new[] { "a", "b", "c", "d" }) graph.AddNode(id);
        graph.AddEdge("c", "b");
        graph.AddEdge("a", "b");

        Assert.That(graph.Parents("b"), Is.EqualTo(new[] { "a", "c" }));
        Assert.That(graph.Children("a"), Is.EqualTo(new[] { "b" }));
        Assert.That(graph.Children("c"), Is.EqualTo(new[] { "b" }));
        Assert.That(graph.Parents("a"), Is.Empty);
        Assert.That(graph.Parents("d").Concat(graph.Children("d")), Is.Empty, "a node without edges has no neighbours");
        Assert.That(graph.Children("b"), Is.Empty);
    }

    [Test]
    public void Edges_added_by_index_are_the_edges_added_by_id()
    {
        var edges = new[] { ("c", "d"), ("a", "d"), ("b", "c"), ("a", "d") };
        ModelGraph byId = new(), byIndex = new();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            byId.AddNode(id);
            byIndex.AddNode(id);
        }
        foreach (var (parent, child) in edges)
        {
            byId.AddEdge(parent, child);
            byIndex.AddEdge(byIndex.IndexOrMinus(parent), byIndex.IndexOrMinus(child));
        }

        Assert.That(byIndex.IndexOrMinus("e"), Is.EqualTo(-1));
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.That(byIndex.Parents(id), Is.EqualTo(byId.Parents(id)), id);
            Assert.That(byIndex.Children(id), Is.EqualTo(byId.Children(id)), id);
        }
        Assert.That(byIndex.Parents("d"), Is.EqualTo(new[] { "a", "c" }));
        Assert.That(byIndex.TopologicalOrder(), Is.EqualTo(byId.TopologicalOrder()));
    }

    [Test]
    public void Topological_order_is_null_when_there_is_a_cycle()
    {
        Assert.That(Build(("a", "b"), ("b", "a")).TopologicalOrder(), Is.Null);
    }

    [Test]
    public void Ancestors_and_descendants_follow_edges_transitively_and_respect_depth()
    {
        var graph = Build(("a", "b"), ("b", "c"), ("c", "d"), ("x", "c"));

        Assert.That(graph.Ancestors("d"), Is.EquivalentTo(new[] { "a", "b", "c", "x" }));
        Assert.That(graph.Ancestors("d", depth: 1), Is.EquivalentTo(new[] { "c" }));
        Assert.That(graph.Descendants("a"), Is.EquivalentTo(new[] { "b", "c", "d" }));
        Assert.That(graph.Descendants("a", depth: 2), Is.EquivalentTo(new[] { "b", "c" }));
        Assert.That(graph.Parents("c"), Is.EqualTo(new[] { "b", "x" }));
        Assert.That(graph.Children("b"), Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public void Cycle_finder_names_the_whole_path_starting_at_the_smallest_id()
    {
        var graph = Build(("m.c", "m.a"), ("m.a", "m.b"), ("m.b", "m.c"), ("m.b", "m.d"));

        var cycles = CycleFinder.FindCycles(graph);

        Assert.That(cycles, Has.Count.EqualTo(1));
        Assert.That(cycles[0], Is.EqualTo(new[] { "m.a", "m.b", "m.c", "m.a" }));
    }

    [Test]
    public void Cycle_finder_reports_a_self_reference_and_separate_cycles()
    {
        var graph = Build(("a", "a"), ("x", "y"), ("y", "x"), ("q", "x"));

        var cycles = CycleFinder.FindCycles(graph);

        Assert.That(cycles.Select(c => string.Join(" -> ", c)), Is.EquivalentTo(new[] { "a -> a", "x -> y -> x" }));
    }

    [Test]
    public void Cycle_finder_finds_nothing_in_a_dag_and_handles_deep_chains()
    {
        var graph = new ModelGraph();
        for (var i = 0; i < 20_000; i++) graph.AddEdge($"n{i:D5}", $"n{i + 1:D5}");

        Assert.That(CycleFinder.FindCycles(graph), Is.Empty);
        Assert.That(graph.TopologicalOrder(), Has.Count.EqualTo(20_001));
    }
}
