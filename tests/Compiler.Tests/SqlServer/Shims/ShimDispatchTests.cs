using ModelForge.Compiler.Context;
using ModelForge.Compiler.Tests.Context;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.SqlServer.Shims;

/// <summary>Where adapter.dispatch finds the built-in T-SQL shims, and when the user's dispatch: config wins.</summary>
public sealed class ShimDispatchTests
{
    private const string Call = "{{ dbt_utils.deduplicate('src', 'id', 'ts') }}";

    private static ShimHarness SqlServer() => new();

    [Test]
    public void A_sqlserver_target_uses_the_shim_with_no_dispatch_config()
    {
        Assert.That(SqlServer().Render(Call), Does.Contain("top (1) with ties"));
    }

    [Test]
    public void Other_targets_never_see_a_shim()
    {
        Assert.That(new ShimHarness("duckdb").Render(Call), Does.Contain("natural join"));
    }

    [Test]
    public void A_root_project_macro_still_overrides_the_shim()
    {
        var harness = SqlServer();
        harness.AddPackage("shop", "{% macro sqlserver__deduplicate(relation, partition_by, order_by) %}project version{% endmacro %}");
        Assert.That(harness.Render(Call), Is.EqualTo("project version"));
    }

    [Test]
    public void A_dispatch_config_that_names_no_shim_gets_the_shim_before_the_package()
    {
        var harness = SqlServer();
        harness.Context.DispatchSearchOrder["dbt_utils"] = ["shop", "dbt_utils"];
        Assert.That(harness.Render(Call), Does.Contain("top (1) with ties"));
    }

    [Test]
    public void An_installed_tsql_utils_listed_in_the_config_wins_over_the_shim()
    {
        var harness = SqlServer();
        harness.AddPackage("tsql_utils", "{% macro sqlserver__deduplicate(relation, partition_by, order_by) %}tsql_utils version{% endmacro %}");
        harness.Context.DispatchSearchOrder["dbt_utils"] = ["shop", "tsql_utils", "dbt_utils"];
        Assert.That(harness.Render(Call), Is.EqualTo("tsql_utils version"));
    }

    [Test]
    public void Tsql_utils_listed_but_not_installed_means_the_builtin_shims()
    {
        var harness = SqlServer();
        harness.Context.DispatchSearchOrder["dbt_utils"] = ["shop", "tsql_utils", "dbt_utils"];
        Assert.That(harness.Render(Call), Does.Contain("top (1) with ties"));
    }

    [Test]
    public void Forge_tsql_in_a_dispatch_config_names_the_builtin_shims()
    {
        var harness = SqlServer();
        harness.AddPackage("my_shims", "{% macro sqlserver__deduplicate(relation, partition_by, order_by) %}my version{% endmacro %}");
        harness.Context.DispatchSearchOrder["dbt_utils"] = ["forge_tsql", "my_shims", "dbt_utils"];
        Assert.That(harness.Render(Call), Does.Contain("top (1) with ties"));
        harness.Context.DispatchSearchOrder["dbt_utils"] = ["my_shims", "forge_tsql", "dbt_utils"];
        Assert.That(harness.Render(Call), Is.EqualTo("my version"));
    }

    [Test]
    public void Both_packages_series_and_spines_are_dbts_nestable_TSql()
    {
        // dbt_utils and dbt_date both dispatch generate_series and date_spine; their defaults nest a WITH.
        var harness = SqlServer();
        var series = harness.Render("{{ dbt.generate_series(3) }}");
        Assert.That(harness.Render("{{ dbt_utils.generate_series(3) }}"), Is.EqualTo(series));
        Assert.That(harness.Render("{{ dbt_date.generate_series(3) }}"), Is.EqualTo(series));
        Assert.That(series, Does.Contain("p1.n").And.Not.Contain("with"));
    }

    [Test]
    public void A_missing_macro_error_does_not_mention_the_shim_packages()
    {
        var diagnostic = ContextHarness.Fails(() => SqlServer().Render("{{ adapter.dispatch('nothing_here', 'dbt_utils')() }}"));
        Assert.That(diagnostic.Message, Does.Not.Contain("forge_tsql"));
        Assert.That(diagnostic.Message, Does.Contain("dbt_utils.default__nothing_here"));
    }

    [Test]
    public void The_shims_are_registered_one_package_per_namespace()
    {
        var registry = MacroRegistry.WithBuiltins("shop", new ModelForge.Compiler.Templating.TemplateEngine());
        Assert.That(registry.Packages, Does.Contain("forge_tsql_dbt_utils").And.Contain("forge_tsql_dbt_date").And.Contain("forge_tsql_dbt_expectations"));
        Assert.That(registry.NamesIn("forge_tsql_dbt_utils"), Has.All.StartWith("sqlserver__"));
        Assert.That(registry.FindInPackage(MacroRegistry.BuiltinPackage, "sqlserver__deduplicate"), Is.Null, "shims stay out of the dbt namespace");
    }
}
