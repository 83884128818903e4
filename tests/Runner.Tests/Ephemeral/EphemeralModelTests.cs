using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Ephemeral;

internal sealed class EphemeralModelTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/base_orders.sql", "{{ config(materialized='ephemeral') }}\nselect 1 as order_id, 10 as amount union all select 2, 20;\n")
        .With("models/paid_orders.sql", "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('base_orders') }} where amount > 15")
        .With("models/orders.sql", "{{ config(materialized='table') }}\n" +
            "select p.order_id, b.amount from {{ ref('paid_orders') }} p join {{ ref('base_orders') }} b using (order_id)");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Compile_inlines_ephemeral_models_as_ctes_once_each_in_dependency_order()
    {
        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/shop/models/orders.sql"), Is.EqualTo(
            "with __dbt__cte__base_orders as (\n" +
            "select 1 as order_id, 10 as amount union all select 2, 20\n" +
            "),\n" +
            "__dbt__cte__paid_orders as (\n" +
            "select * from __dbt__cte__base_orders where amount > 15\n" +
            ")\n" +
            "select p.order_id, b.amount from __dbt__cte__paid_orders p join __dbt__cte__base_orders b using (order_id)"));
    }

    [Test]
    public void A_model_with_its_own_with_gets_the_ctes_merged_into_its_list()
    {
        _project.With("models/orders.sql", "-- totals\nWITH totals as (select sum(amount) as total from {{ ref('base_orders') }})\nselect total from totals");

        var result = _project.Forge("compile", "--select", "orders");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/shop/models/orders.sql"), Is.EqualTo(
            "-- totals\nWITH __dbt__cte__base_orders as (\n" +
            "select 1 as order_id, 10 as amount union all select 2, 20\n" +
            "),\n" +
            "totals as (select sum(amount) as total from __dbt__cte__base_orders)\nselect total from totals"));
    }

    [Test]
    public void Run_builds_the_model_from_the_inlined_ctes_and_never_builds_the_ephemeral_models()
    {
        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Query(_project.DatabasePath, "select order_id, amount from main.orders").Select(r => $"{r[0]}|{r[1]}"),
            Is.EqualTo(new[] { "2|20" }));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "base_orders"), Is.Null);
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "paid_orders"), Is.Null);
        Assert.That(result.Output, Does.Not.Contain("base_orders").And.Not.Contain("paid_orders"), "dbt does not list ephemeral models");
    }

    [Test]
    public void A_model_reading_an_ephemeral_model_waits_for_what_the_ephemeral_model_reads()
    {
        using var project = new TempProject("chain").WithProjectFile()
            .With("models/slow_table.sql", "{{ config(materialized='table') }}\nselect range as n from range(200000)")
            .With("models/middle.sql", "{{ config(materialized='ephemeral') }}\nselect n from {{ ref('slow_table') }}")
            .With("models/final.sql", "{{ config(materialized='table') }}\nselect count(*) as n from {{ ref('middle') }}");

        var result = project.Forge("run", "--threads", "4");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output.IndexOf("OK sql table model main.slow_table", StringComparison.Ordinal),
            Is.LessThan(result.Output.IndexOf("START sql table model main.final", StringComparison.Ordinal)));
        Assert.That(result.Output, Does.Contain("TOTAL=2"));
    }

    [Test]
    public void An_ephemeral_model_selected_alone_is_a_no_op()
    {
        var result = _project.Forge("run", "--select", "base_orders");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Query(_project.DatabasePath, "select count(*) from information_schema.tables where table_schema = 'main'").Single()[0],
            Is.EqualTo(0L));
    }

    [Test]
    public void A_database_error_inside_an_ephemeral_model_points_at_the_ephemeral_file()
    {
        _project.With("models/paid_orders.sql", "{{ config(materialized='ephemeral') }}\nselect *\nfrom {{ ref('base_orders') }} where no_such_column > 15");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("models/paid_orders.sql:3:"));
    }
}
