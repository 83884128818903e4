using ModelForge.Compiler.Compilation.DataTests;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Templating;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.DataTests;

/// <summary>Which macro a test name selects, with installed packages registered as the package loader registers them.</summary>
public sealed class TestMacroResolverTests
{
    private static readonly TemplateEngine Engine = new();
    private MacroRegistry _macros = null!;

    [SetUp]
    public void SetUp()
    {
        _macros = MacroRegistry.WithBuiltins("shop", Engine);
        Add("shop", "macros/checks.sql", "{% test positive(model, column_name) %}select 1{% endtest %}");
        Add("dbt_utils", "dbt_packages/dbt_utils/macros/tests.sql",
            "{% test expression_is_true(model, expression) %}select 1{% endtest %}{% test not_empty_string(model, column_name) %}select 1{% endtest %}");
    }

    private void Add(string package, string path, string text)
    {
        var bag = new DiagnosticBag();
        _macros.AddTemplate(package, Engine.Parse(new SourceText(path, text), bag));
        Assert.That(bag.HasErrors, Is.False);
    }

    private static TestDeclaration Declaration(string name, string? ns) =>
        new(name, ns, new Dictionary<string, object?>(), new Dictionary<string, object?>(), "amount", new TestAttachment(ResourceType.Model, "orders"),
            new SourceSpan(new SourceText("models/_schema.yml", "version: 2\n"), 0, 1));

    private (string? Callee, Diagnostic? Error) Resolve(string name, string? ns = null, string package = "shop")
    {
        var callee = TestMacroResolver.Callee(_macros, Declaration(name, ns), package, out var error);
        return (callee, error);
    }

    [Test]
    public void A_namespace_selects_the_test_macro_of_that_package()
    {
        Assert.That(Resolve("expression_is_true", "dbt_utils").Callee, Is.EqualTo("dbt_utils.test_expression_is_true"));
        Assert.That(Resolve("unique", "dbt").Callee, Is.EqualTo("dbt.test_unique"));
    }

    [Test]
    public void An_unqualified_name_is_found_in_the_declaring_package_the_root_project_and_the_built_ins()
    {
        Assert.That(Resolve("positive").Callee, Is.EqualTo("test_positive"));
        Assert.That(Resolve("unique").Callee, Is.EqualTo("test_unique"));
        Assert.That(Resolve("not_empty_string", package: "dbt_utils").Callee, Is.EqualTo("test_not_empty_string"));
    }

    [Test]
    public void An_unqualified_name_that_only_a_package_defines_suggests_its_namespace()
    {
        var (callee, error) = Resolve("not_empty_string");

        Assert.That(callee, Is.Null);
        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.UnknownGenericTest));
        Assert.That(error.Hint, Is.EqualTo("did you mean 'dbt_utils.not_empty_string'?"));
    }

    [Test]
    public void A_misspelt_namespace_suggests_the_installed_package_that_has_the_test()
    {
        var (_, error) = Resolve("expression_is_true", "dbt_util");

        Assert.That(error!.Code, Is.EqualTo(DiagnosticCodes.TestPackageNotInstalled));
        Assert.That(error.Message, Is.EqualTo("generic test 'dbt_util.expression_is_true' on model 'orders': package 'dbt_util' is not installed"));
        Assert.That(error.Hint, Does.StartWith("did you mean 'dbt_utils.expression_is_true'?"));
    }

    [Test]
    public void A_test_name_that_is_not_an_identifier_is_reported()
    {
        Assert.That(Resolve("not-null").Error!.Code, Is.EqualTo(DiagnosticCodes.TestNameInvalid));
    }
}
