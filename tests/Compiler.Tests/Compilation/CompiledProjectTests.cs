using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>What compile returns is plain data: built once, in definition order, and never edited.</summary>
public sealed class CompiledProjectTests
{
    private PackageProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new PackageProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Nodes_come_out_root_project_first_then_each_package_whatever_order_renders_finish_in()
    {
        // Given a root project with a seed, models, a snapshot and tests, and a package with its own
        _project.Write("seeds/codes.csv", "code\n1\n");
        for (var i = 0; i < 20; i++) _project.Write($"models/m{i:00}.sql", $"select {i} as id");
        _project.Write("snapshots/snap.sql", """
            {% snapshot snap %}{{ config(unique_key='id', strategy='check', check_cols='all') }}select * from {{ ref('m00') }}{% endsnapshot %}
            """);
        _project.Write("models/schema.yml", "version: 2\nmodels:\n  - name: m01\n    columns:\n      - name: id\n        data_tests: [unique]\n");
        _project.Write("tests/no_rows.sql", "select * from {{ ref('m02') }} where false");

        // When it compiles (renders run in parallel, tests in a second pass)
        var ids = _project.CompileOk().Nodes.Keys.ToList();

        // Then each project's nodes stay together, in the order they are defined
        var firstPackageNode = ids.FindIndex(id => id.Split('.')[1] == "shop_utils");
        Assert.That(ids.Skip(firstPackageNode).Select(id => id.Split('.')[1]), Is.All.EqualTo("shop_utils"));
        var rootTypes = ids.Take(firstPackageNode).Select(id => id.Split('.')[0]).Distinct().ToList();
        Assert.That(rootTypes, Is.EqualTo(new[] { "seed", "model", "snapshot", "test" }));
        var models = ids.Where(id => id.StartsWith("model.shop.", StringComparison.Ordinal)).ToList();
        Assert.That(models, Is.EqualTo(models.Order(StringComparer.Ordinal).ToList()));
    }

    [Test]
    public void Every_node_lists_its_parents_in_first_use_order()
    {
        _project.Write("models/a.sql", "select 1 as id");
        _project.Write("models/b.sql", "select * from {{ ref('util_numbers') }}, {{ ref('a') }}, {{ ref('util_numbers') }}, {{ ref('util_codes') }}");

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes["model.shop.b"].DependsOn,
            Is.EqualTo(new[] { "model.shop_utils.util_numbers", "model.shop.a", "seed.shop_utils.util_codes" }));
        Assert.That(compiled.Nodes["model.shop.a"].DependsOn, Is.Empty);
    }

    [Test]
    public void Defer_gives_a_new_view_and_leaves_the_compiled_project_as_it_was()
    {
        _project.Write("models/a.sql", "select 1 as id");
        _project.Write("models/b.sql", "select * from {{ ref('a') }}");
        var compiled = _project.CompileOk();
        var production = compiled.Nodes["model.shop.a"].Relation with { Schema = "prod" };

        var deferred = compiled.WithDeferred(new Dictionary<string, Relation> { ["model.shop.a"] = production });

        Assert.That(deferred, Is.Not.SameAs(compiled));
        Assert.That(deferred.Nodes, Is.SameAs(compiled.Nodes));
        Assert.That(compiled.DeferredRelations, Is.Empty);
        Assert.That(PackageProject.Render(deferred, "model.shop.b"), Does.Contain("prod"));
        Assert.That(PackageProject.Render(compiled, "model.shop.b"), Does.Not.Contain("prod"));
    }

    [Test]
    public void A_model_whose_parse_render_stops_at_an_undefined_name_still_depends_on_the_refs_written_after_it()
    {
        _project.Write("models/parent.sql", "select 1 as id");
        _project.Write("models/child.sql", """
            {% set first = run_query('select 1').columns[0] %}
            select * from {{ ref('parent') }} join {{ ref('shop_utils', 'util_numbers') }} on true
            """);

        var child = _project.CompileOk().Nodes["model.shop.child"];

        Assert.That(child.DependsOn, Is.EquivalentTo(new[] { "model.shop.parent", "model.shop_utils.util_numbers" }));
    }
}
