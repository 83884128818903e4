using ModelForge.Compiler.Diagnostics;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class PackageResourceTests
{
    private PackageProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new PackageProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_package_source_and_snapshot_belong_to_the_package()
    {
        _project.WritePackage("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw_data\n    tables:\n      - name: events\n");
        _project.WritePackage("models/events.sql", "select * from {{ source('raw', 'events') }}");
        _project.WritePackage("snapshots/events_snapshot.sql", """
            {% snapshot events_snapshot %}
            {{ config(unique_key='id', strategy='check', check_cols='all') }}
            select * from {{ ref('events') }}
            {% endsnapshot %}
            """);

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes["model.shop_utils.events"].DependsOn, Is.EqualTo(new[] { "source.shop_utils.raw.events" }));
        var snapshot = compiled.Nodes["snapshot.shop_utils.events_snapshot"];
        Assert.That(snapshot.PackageName, Is.EqualTo("shop_utils"));
        Assert.That(snapshot.DependsOn, Is.EqualTo(new[] { "model.shop_utils.events" }));
    }

    [Test]
    public void A_folder_without_a_project_file_is_skipped_with_a_warning()
    {
        _project.Write("dbt_packages/half_installed/macros/x.sql", "{% macro x() %}{% endmacro %}");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Not.Null);
        var warning = diagnostics.Single(d => d.Code == DiagnosticCodes.PackageLoading.FolderWithoutProjectFileCode);
        Assert.That(warning.Message, Does.StartWith("dbt_packages/half_installed/ has no dbt_project.yml"));
    }

    [Test]
    public void A_staging_folder_left_by_a_killed_deps_run_is_not_loaded()
    {
        // A killed `forge deps` leaves its dot-named staging folder behind, holding a copy of a package.
        _project.Write("dbt_packages/.forge-deps-1234/dbt_project.yml", "name: shop_utils\n");
        _project.Write("dbt_packages/.forge-deps-5678/macros/x.sql", "{% macro x() %}{% endmacro %}");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Not.Null);
        Assert.That(diagnostics.Select(d => d.Code), Has.None.EqualTo(DiagnosticCodes.PackageLoading.DuplicatePackageCode)
            .And.None.EqualTo(DiagnosticCodes.PackageLoading.FolderWithoutProjectFileCode));
        Assert.That(compiled!.Nodes.Keys, Has.Some.EqualTo("model.shop_utils.util_numbers"));
    }

    [Test]
    public void Two_installed_projects_with_one_name_are_an_error()
    {
        _project.Write("dbt_packages/shop_utils_copy/dbt_project.yml", "name: shop_utils\n");

        var (_, diagnostics) = _project.Compile();

        var error = diagnostics.Single(d => d.Code == DiagnosticCodes.PackageLoading.DuplicatePackageCode);
        Assert.That(error.Span!.Value.Path, Is.EqualTo("dbt_packages/shop_utils_copy/dbt_project.yml"));
        Assert.That(error.Hint, Does.Contain("dbt_packages/shop_utils/dbt_project.yml"));
    }

    [Test]
    public void Root_project_macros_do_not_see_a_packages_var_scope_but_package_models_see_the_root_scope()
    {
        _project = Replace(new PackageProject("name: shop\nprofile: shop\nvars:\n  shop_utils:\n    only_for_package: scoped\n"));
        _project.Write("models/orders.sql", "select '{{ var('only_for_package', 'absent') }}' as v");
        _project.WritePackage("models/reader.sql", "select '{{ var('only_for_package', 'absent') }}' as v");

        var compiled = _project.CompileOk();

        Assert.That(PackageProject.Render(compiled, "model.shop.orders"), Is.EqualTo("select 'absent' as v"));
        Assert.That(PackageProject.Render(compiled, "model.shop_utils.reader"), Is.EqualTo("select 'scoped' as v"));
    }

    private PackageProject Replace(PackageProject replacement)
    {
        _project.Dispose();
        return replacement;
    }
}
