using System.Xml;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DataTests;

public sealed class BuildCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = DataTestProject.Create()
        .With("models/order_totals.sql", "select sum(amount) as total from {{ ref('orders') }}")
        .With("models/customer_names.sql", "select name from {{ ref('customers') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_failing_error_test_skips_everything_downstream_of_its_model_with_the_reason()
    {
        _project.WithSchema("  - name: orders\n    columns:\n      - name: customer_id\n        data_tests: [not_null]\n");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        var results = DataTestProject.Results(_project);
        Assert.That(results["test.shop.not_null_orders_customer_id"].Status, Is.EqualTo("fail"));
        Assert.That(results["model.shop.order_totals"].Status, Is.EqualTo("skipped"));
        Assert.That(results["model.shop.order_totals"].Message, Does.Match(@"test\.shop\.not_null_orders_customer_id\.[0-9a-f]{10} fail"));
        Assert.That(results["model.shop.customer_names"].Status, Is.EqualTo("success"));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "order_totals"), Is.Null);
    }

    [Test]
    public void A_warning_test_does_not_skip_downstream()
    {
        _project.WithSchema("  - name: orders\n    columns:\n      - name: customer_id\n        data_tests:\n          - not_null:\n              severity: warn\n");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(DataTestProject.Results(_project)["model.shop.order_totals"].Status, Is.EqualTo("success"));
    }

    [Test]
    public void Tests_run_right_after_their_model()
    {
        _project.WithSchema("  - name: customers\n    columns:\n      - name: customer_id\n        data_tests: [unique]\n");

        var result = _project.Forge("build", "--threads", "1");

        var lines = result.Output.Split('\n').Where(l => l.Contains(" OK ") || l.Contains(" PASS ")).ToList();
        var model = lines.FindIndex(l => l.Contains("model main.customers"));
        Assert.That(lines[model + 1], Does.Contain("PASS test unique_customers_customer_id"));
    }

    [Test]
    public void A_test_reading_two_models_runs_right_after_the_later_of_them()
    {
        _project.WithSchema("  - name: orders\n    columns:\n      - name: customer_id\n        data_tests:\n"
            + "          - relationships:\n              to: ref('customers')\n              field: customer_id\n"
            + "              severity: warn\n      - name: order_id\n        data_tests: [unique]\n");

        var result = _project.Forge("build", "--threads", "1");

        var lines = result.Output.Split('\n').Where(l => l.Contains(" OK ") || l.Contains(" PASS ") || l.Contains(" WARN ")).ToList();
        var later = Math.Max(lines.FindIndex(l => l.Contains("model main.customers")), lines.FindIndex(l => l.Contains("model main.orders")));
        var relationships = lines.FindIndex(l => l.Contains("test relationships_orders_customer_id"));
        Assert.That(relationships, Is.GreaterThan(later), result.Output);
        // Only other tests that became ready with the same model may come between.
        Assert.That(lines.Skip(later + 1).Take(relationships - later - 1).All(l => l.Contains(" test ")), Is.True, result.Output);
    }

    [Test]
    public void Junit_xml_has_one_testcase_per_node_with_failures_and_skips()
    {
        _project.WithSchema("  - name: orders\n    columns:\n      - name: customer_id\n        data_tests: [not_null]\n      - name: order_id\n        data_tests: [unique]\n");

        _project.Forge("build");

        var document = new XmlDocument();
        document.Load(Path.Combine(_project.Root, "target", "junit.xml"));
        var suite = (XmlElement)document.SelectSingleNode("/testsuites/testsuite")!;
        Assert.That(suite.GetAttribute("name"), Is.EqualTo("forge build"));
        Assert.That(suite.GetAttribute("tests"), Is.EqualTo("6"));
        Assert.That(suite.GetAttribute("failures"), Is.EqualTo("1"));
        Assert.That(suite.GetAttribute("skipped"), Is.EqualTo("1"));
        var cases = suite.SelectNodes("testcase")!.Cast<XmlElement>().ToDictionary(c => c.GetAttribute("name"));
        Assert.That(cases.Keys, Is.EquivalentTo(new[] { "customers", "orders", "order_totals", "customer_names", "not_null_orders_customer_id", "unique_orders_order_id" }));
        Assert.That(cases["orders"].GetAttribute("classname"), Is.EqualTo("model/models/orders.sql"));
        Assert.That(cases["unique_orders_order_id"].GetAttribute("classname"), Is.EqualTo("test/models/_schema.yml"));
        Assert.That(double.TryParse(cases["orders"].GetAttribute("time"), System.Globalization.CultureInfo.InvariantCulture, out _));
        var failure = (XmlElement)cases["not_null_orders_customer_id"].SelectSingleNode("failure")!;
        Assert.That(failure.GetAttribute("message"), Is.EqualTo("Got 1 result, configured to fail if != 0"));
        Assert.That(failure.InnerText, Does.Contain("compiled SQL: target/compiled/shop/models/_schema.yml/not_null_orders_customer_id.sql"));
        Assert.That(cases["order_totals"].SelectSingleNode("skipped"), Is.Not.Null);
        Assert.That(cases["unique_orders_order_id"].HasChildNodes, Is.False);
    }

    [Test]
    public void Run_writes_junit_xml_too_with_errors_as_error_elements()
    {
        _project.With("models/broken.sql", "select nope from {{ ref('customers') }}");

        _project.Forge("run");

        var document = new XmlDocument();
        document.Load(Path.Combine(_project.Root, "target", "junit.xml"));
        var error = (XmlElement)document.SelectSingleNode("//testcase[@name='broken']/error")!;
        Assert.That(error.GetAttribute("message"), Does.Contain("models/broken.sql:1:8"));
        Assert.That(error.InnerText, Does.Contain("compiled SQL: target/compiled/shop/models/broken.sql"));
    }
}
