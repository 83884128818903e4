using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Runner.Analysis;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>A project on a SQL Server target: models compile to [schema].[name] and go through ScriptDom.</summary>
public sealed class SqlServerProjectLineageTests
{
    [Test]
    public void Sql_server_models_resolve_bracketed_relations_to_their_nodes()
    {
        using var project = new TempProject("shop").WithProjectFile()
            .With("profiles.yml", """
                shop:
                  target: prod
                  outputs:
                    prod:
                      type: sqlserver
                      server: 127.0.0.1
                      database: analytics
                      schema: dbo
                      authentication: sql
                      user: forge_user
                      password: secret
                """)
            .With("seeds/raw_orders.csv", "id,customer,amount_cents\n1,7,1000\n")
            .With("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
            .With("models/orders.sql", """
                with o as (select * from {{ ref('stg_orders') }})
                select top 100 id as order_id, total = cast(amount_cents as decimal(12, 2)) / 100
                from o
                """);

        var compiled = DemoProject.Load(project.Root);
        var result = ProjectLineage.Build(compiled);

        Assert.That(ProjectLineage.ParserFor(compiled), Is.InstanceOf<Compiler.Analysis.TSql.LineageTSqlParser>());
        Assert.That(result.Diagnostics, Is.Empty);
        var orders = result.Models["model.shop.orders"];
        Assert.That(orders.Columns.Select(c => c.Name), Is.EqualTo(new[] { "order_id", "total" }));
        Assert.That(orders.Column("order_id")!.Upstream, Is.EqualTo(new[] { new ColumnOrigin("model.shop.stg_orders", "id", LineageKind.Direct) }));
        Assert.That(orders.Column("total")!.Upstream, Is.EqualTo(new[] { new ColumnOrigin("model.shop.stg_orders", "amount_cents", LineageKind.Transformed) }));
        Assert.That(result.Models["model.shop.stg_orders"].Column("customer")!.Upstream.Single().Node, Is.EqualTo("seed.shop.raw_orders"));
    }
}
