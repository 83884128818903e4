using NUnit.Framework;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>
/// is_incremental, should_full_refresh, run_query, load_relation and load_cached_relation are macros of
/// dbt's own project: a macro of the same name in the calling package or the root project replaces them.
/// </summary>
public sealed class DbtMacroOverrideTests
{
    [TestCase("is_incremental")]
    [TestCase("should_full_refresh")]
    [TestCase("run_query")]
    [TestCase("load_relation")]
    [TestCase("load_cached_relation")]
    public void A_root_project_macro_replaces_the_dbt_macro_of_its_name(string name)
    {
        var harness = new ContextHarness();
        harness.Macros.Add("shop", new FakeMacro(name, "from the project"));

        Assert.That(harness.Call(name, "arg"), Is.EqualTo("from the project"));
    }

    [Test]
    public void The_calling_package_macro_comes_before_the_root_project_one()
    {
        var harness = new ContextHarness { NodePackage = "audit" };
        harness.Macros.Add("shop", new FakeMacro("is_incremental", "root"));
        harness.Macros.Add("audit", new FakeMacro("is_incremental", "audit"));

        Assert.That(harness.Call("is_incremental"), Is.EqualTo("audit"));
    }

    [Test]
    public void A_macro_in_some_other_package_does_not_replace_it()
    {
        var harness = new ContextHarness();
        harness.Macros.Add("audit", new FakeMacro("is_incremental", "audit"));

        Assert.That(harness.Call("is_incremental"), Is.EqualTo(false));
    }

    [Test]
    public void Other_context_names_are_not_replaced_by_a_project_macro()
    {
        var harness = new ContextHarness();
        harness.Environment["GREETING"] = "hello";
        harness.Macros.Add("shop", new FakeMacro("env_var", "from the project"));

        Assert.That(harness.Call("env_var", "GREETING"), Is.EqualTo("hello"));
    }
}
