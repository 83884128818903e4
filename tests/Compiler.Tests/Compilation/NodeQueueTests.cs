using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>Nodes come out by project (root, then packages), each project's in the order they were added.</summary>
public sealed class NodeQueueTests
{
    [Test]
    public void Nodes_come_out_by_project_in_the_order_added_across_render_passes()
    {
        var queue = new NodeQueue();
        queue.BeginUnit(0);
        queue.Add(Node("a"), enabled: true);
        queue.BeginUnit(1);
        queue.Render(() => new NodeQueue.Made(Node("p"), true));
        queue.Add(Node("off"), enabled: false);
        queue.BeginUnit(0);
        queue.Render(() => new NodeQueue.Made(Node("b"), true));
        queue.Add(null, enabled: true);
        queue.RenderQueued();
        // A second pass (as tests after models): each project's new nodes follow its earlier ones.
        queue.BeginUnit(1);
        queue.Add(Node("q"), enabled: true);
        queue.BeginUnit(0);
        queue.Render(() => new NodeQueue.Made(Node("c"), true));
        queue.BeginUnit(2);
        queue.Add(Node("x"), enabled: true);
        queue.RenderQueued();

        var (enabled, disabled) = queue.InDefinitionOrder();

        Assert.That(enabled.Select(n => n.Name), Is.EqualTo(new[] { "a", "b", "c", "p", "q", "x" }));
        Assert.That(disabled.Select(n => n.Name), Is.EqualTo(new[] { "off" }));
    }

    private static ProjectNode Node(string name) => new()
    {
        UniqueId = $"model.shop.{name}",
        Name = name,
        ResourceType = ResourceType.Model,
        PackageName = "shop",
        Path = $"models/{name}.sql",
        Fqn = ["shop", name],
        Config = new NodeConfig(new Dictionary<string, object?>(StringComparer.Ordinal) { ["materialized"] = "view" }, ResourceType.Model),
        Relation = null!,
    };
}
