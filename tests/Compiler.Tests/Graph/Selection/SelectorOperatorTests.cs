using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using NUnit.Framework;
using static ModelForge.Compiler.Tests.Graph.Selection.SelectionFixture;

namespace ModelForge.Compiler.Tests.Graph.Selection;

public sealed class SelectorOperatorTests
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
    public void Plus_before_selects_all_ancestors() =>
        Assert.That(Select("+orders"), Is.EqualTo(new[] { "orders", "source.shop.raw.orders", "source.shop.raw.payments", "stg_orders", "stg_payments" }));

    [Test]
    public void Plus_after_selects_all_descendants() =>
        Assert.That(Select("orders+"), Is.EqualTo(new[] { "customers", "orders", "report", "test.shop.assert_positive", "test.shop.not_null_orders_id.84ef11d8fe" }));

    [Test]
    public void A_depth_before_plus_limits_ancestors() => Assert.That(Select("1+orders"), Is.EqualTo(new[] { "orders", "stg_orders", "stg_payments" }));

    [Test]
    public void A_depth_after_plus_limits_descendants() =>
        Assert.That(Select("stg_customers+1"), Is.EqualTo(new[] { "customers", "stg_customers" }));

    [Test]
    public void Both_operators_combine() =>
        Assert.That(Select("1+customers+1"), Is.EqualTo(new[] { "customers", "orders", "report", "stg_customers" }));

    [Test]
    public void At_selects_descendants_and_their_ancestors() =>
        Assert.That(Select("@stg_customers"), Is.EqualTo(new[]
        {
            "customers", "orders", "raw_customers", "report", "source.shop.raw.orders", "source.shop.raw.payments",
            "stg_customers", "stg_orders", "stg_payments",
        }));

    [Test]
    public void Space_is_a_union() => Assert.That(Select("report stg_orders"), Is.EqualTo(new[] { "report", "stg_orders" }));

    [Test]
    public void Comma_is_an_intersection()
    {
        Assert.That(Select("tag:finance,config.materialized:table"), Is.EqualTo(new[] { "orders" }));
        Assert.That(Select("+report,resource_type:model,stg_*"), Is.EqualTo(new[] { "stg_customers", "stg_orders", "stg_payments" }));
    }

    [Test]
    public void Exclude_removes_from_the_selection() =>
        Assert.That(Select("orders+", "resource_type:test report"), Is.EqualTo(new[] { "customers", "orders" }));

    [Test]
    public void Exclude_alone_removes_from_everything() =>
        Assert.That(Select("", "path:models resource_type:test"), Is.EqualTo(new[] { "raw_customers" }));

    [Test]
    public void An_unknown_method_is_an_error_pointing_at_it_with_the_nearest_name()
    {
        var selected = SelectionFixture.Select(_project, "orders tga:nightly", null, null, null, null, out var diagnostics);
        Assert.That(selected, Is.Null);
        var error = diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Selection.UnknownMethodCode));
        Assert.That(error.ToString(), Is.EqualTo("--select:1:8: error MF3401: unknown selector method 'tga'"));
        Assert.That(error.Hint, Is.EqualTo("did you mean 'tag:'?"));
    }

    [Test]
    public void A_selector_that_matches_nothing_is_a_warning()
    {
        var selected = SelectionFixture.Select(_project, "orderz orders", null, null, null, null, out var diagnostics);
        Assert.That(Names(_project, selected!), Is.EqualTo(new[] { "orders" }));
        Assert.That(diagnostics.Single().ToString(), Is.EqualTo("--select:1:1: warning MF3402: the selection criterion 'orderz' does not match any enabled nodes"));
    }

    [Test]
    public void State_methods_without_state_say_to_pass_state()
    {
        var selected = SelectionFixture.Select(_project, "state:modified+", null, null, null, null, out var diagnostics);
        Assert.That(selected, Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Selection.StateRequiredCode));
        Assert.That(diagnostics.Single().Hint, Does.Contain("--state"));
    }

    [Test]
    public void At_with_plus_is_a_syntax_error()
    {
        SelectionFixture.Select(_project, "@orders+", null, null, null, null, out var diagnostics);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Selection.AtWithPlusCode));
    }

    [Test]
    public void An_unknown_resource_type_is_an_error()
    {
        SelectionFixture.Select(_project, "resource_type:modle", null, null, null, null, out var diagnostics);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.Selection.UnknownResourceTypeCode));
    }
}
