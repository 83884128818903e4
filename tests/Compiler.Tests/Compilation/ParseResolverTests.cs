using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

public sealed class ParseResolverTests
{
    private static readonly SourceSpan At = new(new SourceText("models/m.sql", "select 1"), 0, 0);

    private static NodeRenderInfo Node(string name) => new() { UniqueId = $"model.shop.{name}", Name = name, PackageName = "shop" };

    [Test]
    public void Renders_on_parallel_threads_each_take_only_their_own_calls()
    {
        var resolver = new ParseResolver("main", RelationQuoting.ForTargetType("duckdb"));
        var taken = new (IReadOnlyList<RefCall> Refs, IReadOnlyList<SourceCall> Sources)[400];
        Parallel.For(0, taken.Length, i =>
        {
            var node = Node($"m{i}");
            resolver.ResolveRef(node, null, $"parent_{i}", null, At);
            resolver.ResolveSource(node, "raw", $"table_{i}", At);
            resolver.ResolveRef(node, "pkg", "shared", null, At);
            taken[i] = resolver.Take(node.UniqueId);
        });
        for (var i = 0; i < taken.Length; i++)
        {
            Assert.That(taken[i].Refs.Select(r => (r.Package, r.Name)), Is.EqualTo(new[] { ((string?)null, $"parent_{i}"), ("pkg", "shared") }));
            Assert.That(taken[i].Sources.Select(s => (s.Source, s.Table)), Is.EqualTo(new[] { ("raw", $"table_{i}") }));
        }
        Assert.That(resolver.Take("model.shop.m0").Refs, Is.Empty, "taking removes the calls");
    }

    [Test]
    public void Refs_to_one_name_from_one_thread_reuse_one_stand_in_relation()
    {
        var resolver = new ParseResolver("main", RelationQuoting.ForTargetType("duckdb"));
        var first = resolver.ResolveRef(Node("a"), null, "orders", null, At);
        var again = resolver.ResolveRef(Node("b"), "shop", "orders", null, At);
        var source = resolver.ResolveSource(Node("a"), "raw", "orders", At);
        Assert.That(again, Is.SameAs(first));
        Assert.That((first.Schema, first.Identifier), Is.EqualTo(("main", "orders")));
        Assert.That(resolver.ResolveSource(Node("c"), "raw", "orders", At), Is.SameAs(source));
        Assert.That((source.Schema, source.Identifier), Is.EqualTo(("raw", "orders")));
    }
}
