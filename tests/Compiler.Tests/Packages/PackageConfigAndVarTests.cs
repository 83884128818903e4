using ModelForge.Compiler.Diagnostics;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class PackageConfigAndVarTests
{
    private PackageProject _project = null!;

    [TearDown]
    public void TearDown() => _project.Dispose();

    private const string Model = "model.shop_utils.util_numbers";

    [Test]
    public void A_packages_own_project_configs_apply_to_its_nodes()
    {
        _project = new PackageProject();
        var node = _project.CompileOk().Nodes[Model];

        Assert.That(node.Materialized, Is.EqualTo("table"));
        Assert.That(node.Config.Tags, Does.Contain("from_package"));
    }

    [Test]
    public void The_root_projects_package_scoped_configs_override_even_in_file_config()
    {
        _project = new PackageProject("""
            name: shop
            profile: shop
            models:
              shop_utils:
                +materialized: view
            seeds:
              shop_utils:
                +schema: lookups
            """);
        _project.WritePackage("models/staging/util_numbers.sql", "{{ config(materialized='incremental') }}\nselect 1 as n");

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes[Model].Materialized, Is.EqualTo("view"));
        Assert.That(compiled.Nodes["seed.shop_utils.util_codes"].Relation.Schema, Is.EqualTo("main_lookups"));
    }

    [Test]
    public void The_root_project_can_disable_a_packages_models()
    {
        _project = new PackageProject("name: shop\nprofile: shop\nmodels:\n  shop_utils:\n    staging:\n      +enabled: false\n");

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes.ContainsKey(Model), Is.False);
        Assert.That(compiled.Nodes.ContainsKey("seed.shop_utils.util_codes"), Is.True);
    }

    [Test]
    public void A_packages_var_default_is_used_when_nothing_overrides_it()
    {
        _project = new PackageProject();
        Assert.That(PackageProject.Render(_project.CompileOk(), Model), Does.Contain("'package_default' as label"));
    }

    [Test]
    public void The_root_projects_global_var_overrides_the_packages_default()
    {
        _project = new PackageProject("name: shop\nprofile: shop\nvars:\n  shop_utils_label: root_global\n");
        Assert.That(PackageProject.Render(_project.CompileOk(), Model), Does.Contain("'root_global' as label"));
    }

    [Test]
    public void The_root_projects_package_scope_overrides_its_global_var()
    {
        _project = new PackageProject("name: shop\nprofile: shop\nvars:\n  shop_utils_label: root_global\n  shop_utils:\n    shop_utils_label: root_scoped\n");
        Assert.That(PackageProject.Render(_project.CompileOk(), Model), Does.Contain("'root_scoped' as label"));
    }

    [Test]
    public void Command_line_vars_override_every_project_var()
    {
        _project = new PackageProject("name: shop\nprofile: shop\nvars:\n  shop_utils:\n    shop_utils_label: root_scoped\n");
        var compiled = _project.CompileOk(new Dictionary<string, object?> { ["shop_utils_label"] = "cli" });
        Assert.That(PackageProject.Render(compiled, Model), Does.Contain("'cli' as label"));
    }

    [Test]
    public void A_packages_var_default_is_not_seen_by_root_models()
    {
        _project = new PackageProject();
        _project.Write("models/orders.sql", "select '{{ var('shop_utils_label', 'none') }}' as label");
        Assert.That(PackageProject.Render(_project.CompileOk(), "model.shop.orders"), Is.EqualTo("select 'none' as label"));
    }

    [Test]
    public void A_package_requiring_another_dbt_version_is_a_warning_at_its_project_file()
    {
        _project = new PackageProject();
        _project.WritePackage("dbt_project.yml", "name: shop_utils\nrequire-dbt-version: '>=2.0.0'\nvars:\n  shop_utils_label: x\n");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Not.Null);
        var warning = diagnostics.Single(d => d.Code == DiagnosticCodes.PackageLoading.RequireDbtVersionCode);
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.Span!.Value.Path, Is.EqualTo("dbt_packages/shop_utils/dbt_project.yml"));
        Assert.That(warning.Span!.Value.Line, Is.EqualTo(2));
        Assert.That(warning.Message, Does.Contain("1.10.x"));
    }

    [Test]
    public void A_model_with_the_name_of_a_package_model_is_not_a_duplicate()
    {
        _project = new PackageProject();
        _project.Write("models/util_numbers.sql", "{{ config(alias='root_numbers') }} select 5 as n");

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes.Keys, Does.Contain("model.shop.util_numbers").And.Contain(Model));
    }

    [Test]
    public void A_project_model_building_the_relation_of_a_package_model_is_refused()
    {
        _project = new PackageProject();
        _project.Write("models/util_numbers.sql", "select 5 as n");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Null);
        var clash = diagnostics.Single(d => d.IsError);
        Assert.That(clash.Code, Is.EqualTo(DiagnosticCodes.ProjectInput.DuplicateRelationCode));
        Assert.That(clash.Message, Does.Contain("models/util_numbers.sql").And.Contain("dbt_packages/shop_utils/models/staging/util_numbers.sql"));
    }
}
