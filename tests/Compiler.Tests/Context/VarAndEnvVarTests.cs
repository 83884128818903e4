using NUnit.Framework;
using ModelForge.Compiler.Context;
using static ModelForge.Compiler.Tests.Context.ContextHarness;

namespace ModelForge.Compiler.Tests.Context;

public sealed class VarAndEnvVarTests
{
    [Test]
    public void Var_reads_a_project_var()
    {
        var harness = new ContextHarness();
        harness.Vars["days"] = 3L;
        Assert.That(harness.Call("var", "days"), Is.EqualTo(3L));
    }

    [Test]
    public void Cli_vars_override_package_vars_which_override_project_vars()
    {
        var harness = new ContextHarness();
        harness.Vars["a"] = "project";
        harness.Vars["b"] = "project";
        harness.Vars["c"] = "project";
        harness.PackageVars["shop"] = new Dictionary<string, object?> { ["b"] = "package", ["c"] = "package" };
        harness.CliVars["c"] = "cli";
        Assert.That(new[] { harness.Call("var", "a"), harness.Call("var", "b"), harness.Call("var", "c") },
            Is.EqualTo(new[] { "project", "package", "cli" }));
    }

    [Test]
    public void Package_vars_of_another_package_are_not_seen()
    {
        var harness = new ContextHarness();
        harness.PackageVars["other"] = new Dictionary<string, object?> { ["x"] = 1L };
        Assert.That(harness.Call("var", "x", "fallback"), Is.EqualTo("fallback"));
    }

    [Test]
    public void Var_default_is_used_when_missing_even_when_none()
    {
        var harness = new ContextHarness();
        Assert.That(harness.Call("var", "x", 5L), Is.EqualTo(5L));
        Assert.That(harness.Call("var", "x", null), Is.Null);
    }

    [Test]
    public void Missing_var_without_default_names_it_and_lists_known_vars()
    {
        var harness = new ContextHarness();
        harness.Vars["start_date"] = "2024-01-01";
        harness.CliVars["end_date"] = "2024-02-01";
        var diagnostic = Fails(() => harness.Call("var", "start_dat"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2500"));
        Assert.That(diagnostic.Message, Is.EqualTo("Required var 'start_dat' not found in config"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
        Assert.That(diagnostic.Hint, Does.Contain("did you mean 'start_date'?"));
        Assert.That(diagnostic.Hint, Does.Contain("known vars: end_date, start_date"));
    }

    [Test]
    public void Var_has_var_says_whether_a_var_is_set()
    {
        var harness = new ContextHarness();
        harness.Vars["x"] = 1L;
        var hasVar = Attr(harness.Global("var"), "has_var");
        Assert.That(Invoke(hasVar, "x"), Is.True);
        Assert.That(Invoke(hasVar, "y"), Is.False);
    }

    [Test]
    public void Env_var_reads_the_environment()
    {
        var harness = new ContextHarness();
        harness.Environment["SHOP_SCHEMA"] = "staging";
        Assert.That(harness.Call("env_var", "SHOP_SCHEMA"), Is.EqualTo("staging"));
    }

    [Test]
    public void Env_var_default_applies_only_when_unset()
    {
        var harness = new ContextHarness();
        harness.Environment["SET"] = "value";
        Assert.That(harness.Call("env_var", "SET", "default"), Is.EqualTo("value"));
        Assert.That(harness.Call("env_var", "UNSET", "default"), Is.EqualTo("default"));
        Assert.That(harness.Call("env_var", "UNSET", 5L), Is.EqualTo(5L));
    }

    [Test]
    public void Missing_env_var_points_at_the_call()
    {
        var diagnostic = Fails(() => new ContextHarness().Call("env_var", "SHOP_SCHEMA"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2501"));
        Assert.That(diagnostic.Message, Is.EqualTo("Env var required but not provided: 'SHOP_SCHEMA'"));
        Assert.That(diagnostic.Span, Is.EqualTo(CallSpan));
        Assert.That(diagnostic.Hint, Does.Contain("env_var('SHOP_SCHEMA', '...')"));
    }

    [Test]
    public void Secret_env_var_is_refused_in_a_model_without_echoing_its_value()
    {
        var harness = new ContextHarness();
        harness.Environment["DBT_ENV_SECRET_TOKEN"] = "abc123";
        var diagnostic = Fails(() => harness.Call("env_var", "DBT_ENV_SECRET_TOKEN"));
        Assert.That(diagnostic.Code, Is.EqualTo("MF2502"));
        Assert.That(diagnostic.ToString() + diagnostic.Hint, Does.Not.Contain("abc123"));
        Assert.That(diagnostic.Message, Does.Contain("model 'orders'"));
    }
}
