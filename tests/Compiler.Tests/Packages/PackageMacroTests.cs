using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class PackageMacroTests
{
    private PackageProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new PackageProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_root_model_calls_a_package_macro_which_dispatches_and_calls_its_sibling_unqualified()
    {
        _project.Write("models/orders.sql", "select {{ shop_utils.star(['a', 'b']) }}");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop.orders"), Is.EqualTo("select a, b /* duckdb */"));
    }

    [Test]
    public void A_root_macro_overrides_for_the_root_but_a_package_macro_still_finds_its_own_sibling()
    {
        _project.Write("macros/join_columns.sql", "{% macro join_columns(columns) %}ROOT{% endmacro %}");
        _project.Write("models/orders.sql", "select {{ join_columns(['x']) }}, {{ shop_utils.star(['a']) }}");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop.orders"), Is.EqualTo("select ROOT, a /* duckdb */"));
    }

    [Test]
    public void A_package_model_calls_its_packages_macros_unqualified()
    {
        _project.WritePackage("models/starred.sql", "select {{ star(['p', 'q']) }}");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop_utils.starred"), Is.EqualTo("select p, q /* duckdb */"));
    }

    [Test]
    public void A_root_project_dispatch_variant_overrides_the_packages_by_default()
    {
        _project.Write("macros/star.sql", "{% macro duckdb__star(columns) %}ROOT STAR{% endmacro %}");
        _project.Write("models/orders.sql", "select {{ shop_utils.star(['a']) }}");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop.orders"), Is.EqualTo("select ROOT STAR"));
    }

    [Test]
    public void The_root_projects_dispatch_search_order_is_honoured()
    {
        _project.Directory.Write("forge_project.yml", """
            name: shop
            profile: shop
            dispatch:
              - macro_namespace: shop_utils
                search_order: ['shop_utils']
            """);
        _project.Write("macros/star.sql", "{% macro duckdb__star(columns) %}ROOT STAR{% endmacro %}");
        _project.Write("models/orders.sql", "select {{ shop_utils.star(['a']) }}");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop.orders"), Is.EqualTo("select a /* duckdb */"));
    }

    [Test]
    public void The_dbt_namespace_names_the_built_in_macros()
    {
        _project.Write("macros/current_timestamp.sql", "{% macro current_timestamp() %}ROOT NOW{% endmacro %}");
        _project.Write("models/orders.sql", "select {{ current_timestamp() }} as a, {{ dbt.current_timestamp() }} as b");

        var compiled = _project.CompileOk();

        var sql = PackageProject.Render(compiled, "model.shop.orders");
        Assert.That(sql, Does.StartWith("select ROOT NOW as a, "));
        Assert.That(sql, Does.Not.EndWith("ROOT NOW as b"));
    }
}
