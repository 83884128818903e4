using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

public sealed class ShowCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/orders.sql", "select * from (values (1, 'Ada', date '2024-03-18'), (2, 'Grace', null)) as t(order_id, customer, ordered_on)")
        .With("models/big_orders.sql", "select * from {{ ref('orders') }} where order_id > 1");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Show_previews_a_model_as_a_table_without_building_it()
    {
        var result = _project.Forge("show", "--select", "orders", "--limit", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output.Split('\n').Select(l => l.TrimEnd()), Is.EqualTo(new[]
        {
            "Previewing orders (first row):",
            "order_id | customer | ordered_on",
            "---------+----------+-----------",
            "1        | Ada      | 2024-03-18",
            "",
        }));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "orders"), Is.Null, "nothing was built");
    }

    [Test]
    public void Limit_zero_shows_the_columns_and_no_rows_as_dbt_does()
    {
        var result = _project.Forge("show", "--select", "orders", "--limit", "0");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output.Split('\n').Select(l => l.TrimEnd()).Take(3), Is.EqualTo(new[]
        {
            "Previewing orders (first 0 rows):",
            "order_id | customer | ordered_on",
            "---------+----------+-----------",
        }));
        Assert.That(result.Output, Does.Not.Contain("Ada"));
    }

    [Test]
    public void A_negative_limit_shows_every_row()
    {
        var result = _project.Forge("show", "--select", "orders", "--limit", "-1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Previewing orders (all rows):").And.Contain("Ada").And.Contain("Grace"));
    }

    [Test]
    public void Show_inline_resolves_refs_and_prints_nulls()
    {
        _project.Forge("run");

        var result = _project.Forge("show", "--inline", "select customer, ordered_on from {{ ref('big_orders') }}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Grace    | NULL"));
    }

    [Test]
    public void Show_without_a_limit_previews_five_rows()
    {
        var result = _project.Forge("show", "--inline", "select n from range(1, 9) as t(n) order by n");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var rows = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && char.IsDigit(l[0])).ToList();
        Assert.That(rows, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
    }

    [Test]
    public void Show_needs_a_model_or_a_query()
    {
        var result = _project.Forge("show");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--select MODEL or --inline").And.Contain("hint:"));
    }

    [Test]
    public void An_unknown_ref_in_an_inline_query_points_at_the_argument()
    {
        var result = _project.Forge("show", "--inline", "select * from {{ ref('ordrs') }}");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("--inline:1:18: error MF3001: unknown ref 'ordrs'"));
    }
}
