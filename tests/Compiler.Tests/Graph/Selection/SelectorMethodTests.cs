using ModelForge.Compiler.Compilation;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Graph.Selection.SelectionFixture;

namespace ModelForge.Compiler.Tests.Graph.Selection;

public sealed class SelectorMethodTests
{
    private SelectionFixture _fixture = null!;
    private CompiledProject _project = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _fixture = new SelectionFixture();
        _project = _fixture.Compile();
    }

    [OneTimeTearDown]
    public void TearDown() => _fixture.Dispose();

    private IReadOnlyList<string> Select(string select, string? exclude = null) => Names(_project, select, exclude);

    [Test]
    public void No_selector_selects_every_node() =>
        Assert.That(Select(""), Has.Count.EqualTo(_project.Nodes.Count));

    [Test]
    public void A_name_selects_that_node() => Assert.That(Select("orders"), Is.EqualTo(new[] { "orders" }));

    [Test]
    public void A_wildcard_selects_matching_names() =>
        Assert.That(Select("stg_*"), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));

    [Test]
    public void A_dotted_fqn_selects_a_folder() =>
        Assert.That(Select("shop.staging"), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));

    [Test]
    public void A_bare_folder_name_selects_that_folder_as_in_dbt() =>
        Assert.That(Select("staging"), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));

    [Test]
    public void A_bare_folder_path_without_a_trailing_slash_selects_that_folder() =>
        Assert.That(Select("models/staging").Where(n => n.StartsWith("stg_", StringComparison.Ordinal)), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));

    [Test]
    public void A_bare_package_name_selects_the_package() =>
        Assert.That(Select("shop"), Does.Contain("stg_orders").And.Contain("report").And.Not.Contain("source.shop.raw.orders"));

    [Test]
    public void A_unique_id_selects_that_node() => Assert.That(Select("model.shop.report"), Is.EqualTo(new[] { "report" }));

    [Test]
    public void Tag_selects_tagged_nodes() => Assert.That(Select("tag:nightly"), Is.EqualTo(new[] { "stg_orders" }));

    [Test]
    public void Path_selects_everything_defined_under_a_folder() =>
        Assert.That(Select("path:models/staging"), Is.EqualTo(new[]
        {
            "source.shop.raw.orders", "source.shop.raw.payments", "stg_customers", "stg_orders", "stg_payments",
        }));

    [Test]
    public void A_bare_folder_path_is_read_as_a_path() =>
        Assert.That(Select("models/marts/"), Does.Contain("customers").And.Contain("test.shop.not_null_orders_id.84ef11d8fe").And.Not.Contain("stg_orders"));

    [Test]
    public void A_bare_file_path_selects_its_node() => Assert.That(Select("models/marts/orders.sql"), Is.EqualTo(new[] { "orders" }));

    [Test]
    public void File_matches_the_file_name_with_or_without_extension()
    {
        Assert.That(Select("file:orders.sql"), Is.EqualTo(new[] { "orders" }));
        Assert.That(Select("file:report"), Is.EqualTo(new[] { "report" }));
    }

    [Test]
    public void Config_selects_by_a_config_value() =>
        Assert.That(Select("config.materialized:table"), Is.EqualTo(new[] { "customers", "orders" }));

    [Test]
    public void Config_matches_an_item_of_a_list() => Assert.That(Select("config.tags:finance"), Is.EqualTo(new[] { "orders" }));

    [Test]
    public void Resource_type_selects_by_type()
    {
        Assert.That(Select("resource_type:seed"), Is.EqualTo(new[] { "raw_customers" }));
        Assert.That(Select("resource_type:source"), Is.EqualTo(new[] { "source.shop.raw.orders", "source.shop.raw.payments" }));
        Assert.That(Select("resource_type:test"), Has.Count.EqualTo(2));
    }

    [Test]
    public void Test_type_tells_generic_from_singular_tests()
    {
        Assert.That(Select("test_type:generic"), Is.EqualTo(new[] { "test.shop.not_null_orders_id.84ef11d8fe" }));
        Assert.That(Select("test_type:singular"), Is.EqualTo(new[] { "test.shop.assert_positive" }));
    }

    [Test]
    public void Test_name_selects_generic_tests_by_macro() =>
        Assert.That(Select("test_name:not_null"), Is.EqualTo(new[] { "test.shop.not_null_orders_id.84ef11d8fe" }));

    [Test]
    public void Source_selects_a_table_or_a_whole_source()
    {
        Assert.That(Select("source:raw.orders"), Is.EqualTo(new[] { "source.shop.raw.orders" }));
        Assert.That(Select("source:raw"), Is.EqualTo(new[] { "source.shop.raw.orders", "source.shop.raw.payments" }));
    }

    [Test]
    public void Source_with_children_selects_what_reads_it() =>
        Assert.That(Select("source:raw.payments+1"), Is.EqualTo(new[] { "source.shop.raw.payments", "stg_payments" }));

    [Test]
    public void Package_selects_the_project_nodes() => Assert.That(Select("package:shop"), Has.Count.EqualTo(_project.Nodes.Count));
}
