using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Ephemeral;

/// <summary>
/// The compiled SQL of models that ref ephemeral models, per target: DuckDB nests an ephemeral's
/// own WITH inside its CTE (as dbt does); SQL Server cannot, so every CTE is hoisted into one list.
/// </summary>
[TestFixture("duckdb")]
[TestFixture("sqlserver")]
public sealed class EphemeralCompileTests(string target)
{
    private TempProjectDirectory _project = null!;

    [SetUp]
    public void SetUp()
    {
        _project = new TempProjectDirectory("name: shop\nprofile: shop\n");
        _project.Write("profiles.yml", target == "duckdb"
            ? "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n"
            : "shop:\n  target: dev\n  outputs:\n    dev:\n      type: sqlserver\n      server: localhost\n      database: shop\n      schema: dbo\n      user: sa\n      password: x\n");
        _project.Write("models/base_orders.sql", "{{ config(materialized='ephemeral') }}\n" +
            "with raw as (select 1 as order_id, 10 as amount)\nselect * from raw;\n");
        _project.Write("models/big_orders.sql", "{{ config(materialized='ephemeral') }}\n" +
            "with big as (select * from {{ ref('base_orders') }} where amount > 5)\nselect order_id from big");
        _project.Write("models/orders.sql", "with totals as (\n    select count(*) as n from {{ ref('big_orders') }}\n)\n" +
            "select b.order_id, t.n from {{ ref('base_orders') }} b cross join totals t");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Ephemeral_models_become_one_cte_list_in_dependency_order()
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProjectLoader.Load(_project.Options(profilesDir: _project.Root), diagnostics);
        Assert.That(loaded, Is.Not.Null, string.Join("\n", diagnostics.ToList()));
        var compiled = ProjectCompiler.Compile(loaded!, new CompileOptions { Environment = _ => null }, diagnostics);
        Assert.That(compiled, Is.Not.Null, string.Join("\n", diagnostics.ToList()));

        var text = new NodeCompiler(compiled!).Render(compiled!.Nodes["model.shop.orders"]).Text;

        Golden.GoldenFile.Verify($"tests/Compiler.Tests/Ephemeral/EphemeralCompileTests.{target}.verified.sql", text + "\n");
    }
}
