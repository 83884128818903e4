using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DataTests;

public sealed class SingularTestTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = DataTestProject.Create();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_singular_test_refs_models_and_runs_after_them()
    {
        _project.With("tests/assert_orders_have_known_customers.sql",
            "select o.* from {{ ref('orders') }} o left join {{ ref('customers') }} c using (customer_id) where c.customer_id is null");

        var result = _project.Forge("build", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(DataTestProject.Result(_project, "assert_orders_have_known_customers").Failures, Is.EqualTo(2));
        var output = result.Output;
        Assert.That(output.IndexOf("OK sql view model main.orders", StringComparison.Ordinal),
            Is.LessThan(output.IndexOf("FAIL test assert_orders_have_known_customers", StringComparison.Ordinal)));
        Assert.That(_project.Exists("target/compiled/shop/tests/assert_orders_have_known_customers.sql"));
    }

    [Test]
    public void A_singular_test_can_configure_itself()
    {
        _project.With("tests/few_orders.sql", "{{ config(severity='warn') }}\nselect * from {{ ref('orders') }}");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(DataTestProject.Result(_project, "few_orders"), Is.EqualTo(("warn", (long?)4, "Got 4 results, configured to warn if != 0")));
    }

    [Test]
    public void A_sql_error_points_at_the_line_and_column_in_the_test_file()
    {
        _project.With("tests/broken.sql", "select *\nfrom {{ ref('orders') }}\nwhere no_such_column = 1");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(DataTestProject.Result(_project, "broken").Status, Is.EqualTo("error"));
        Assert.That(result.Output, Does.Contain("tests/broken.sql:3:7: error MF5100: database error in test 'broken'"));
        Assert.That(result.Output, Does.Contain("compiled SQL: target/compiled/shop/tests/broken.sql"));
    }
}
