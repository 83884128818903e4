using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Incremental;

/// <summary>is_incremental is a macro of dbt's own project: a project macro of that name decides instead.</summary>
public sealed class IsIncrementalOverrideTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("inc")
        .WithProjectFile()
        .With("models/events.sql",
            "{{ config(materialized='incremental') }}\nselect 1 as id\n{% if is_incremental() %}union all select 2 as id{% endif %}\n");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Without_a_project_macro_the_first_build_is_not_incremental()
    {
        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/inc/models/events.sql"), Does.Not.Contain("union all"));
    }

    [Test]
    public void A_project_is_incremental_macro_replaces_the_built_in_one()
    {
        // True whenever executing, even though the table does not exist yet.
        _project.With("macros/is_incremental.sql", "{% macro is_incremental() %}{{ return(execute) }}{% endmacro %}\n");

        var compiled = _project.Forge("compile");
        var run = _project.Forge("run");

        Assert.That(compiled.ExitCode, Is.EqualTo(0), compiled.ToString());
        Assert.That(_project.Read("target/compiled/inc/models/events.sql"), Does.Contain("union all select 2 as id"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }
}
