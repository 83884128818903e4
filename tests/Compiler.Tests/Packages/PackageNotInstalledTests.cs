using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Tests.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class PackageNotInstalledTests
{
    private PackageProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new PackageProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Calling_a_well_known_package_that_is_not_installed_says_so_at_the_call()
    {
        _project.Write("models/orders.sql", "select\n  {{ dbt_utils.star(['a']) }}");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Null);
        var error = diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.PackageLoading.PackageNotInstalledCode));
        Assert.That(error.Message, Is.EqualTo("package 'dbt_utils' is not installed"));
        Assert.That(error.Span!.Value.Path, Is.EqualTo("models/orders.sql"));
        Assert.That((error.Span!.Value.Line, error.Span!.Value.Column), Is.EqualTo((2, 6)));
        Assert.That(error.Hint, Does.Contain("forge deps"));
    }

    [Test]
    public void A_declared_package_that_is_missing_names_its_packages_yml_line()
    {
        _project.Write("packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n  - local: ../shop_utils\n");
        _project.Write("models/orders.sql", "select {{ dbt_utils.star(['a']) }}");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Null);
        var declared = diagnostics.Single(d => d.Code == DiagnosticCodes.PackageLoading.DeclaredPackageMissingCode);
        Assert.That(declared.Span!.Value.Path, Is.EqualTo("packages.yml"));
        Assert.That(declared.Span!.Value.Line, Is.EqualTo(2));
        Assert.That(declared.Message, Does.Contain("'dbt_utils'"));
        var use = diagnostics.Single(d => d.Code == DiagnosticCodes.PackageLoading.PackageNotInstalledCode);
        Assert.That(use.Hint, Does.Contain("packages.yml:2 declares it"));
    }

    [Test]
    public void A_near_miss_of_an_installed_package_suggests_it()
    {
        _project.Write("models/orders.sql", "select {{ shop_utilz.star(['a']) }}");

        var (_, diagnostics) = _project.Compile();

        var error = diagnostics.Single(d => d.IsError);
        Assert.That(error.Message, Is.EqualTo("package 'shop_utilz' is not installed"));
        Assert.That(error.Hint, Does.StartWith("did you mean 'shop_utils'?"));
    }

    [Test]
    public void An_unknown_name_that_is_no_package_stays_undefined()
    {
        _project.Write("models/orders.sql", "select {{ 'yes' if some_flag is defined else 'no' }}");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop.orders"), Is.EqualTo("select no"));
    }

    [Test]
    public void Installed_packages_that_match_the_declarations_compile_cleanly()
    {
        _project.Write("packages.yml", "packages:\n  - git: https://example.com/acme/shop-utils.git\n    revision: main\n");

        _project.CompileOk();
    }
}
