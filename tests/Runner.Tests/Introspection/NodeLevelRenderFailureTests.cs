using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Introspection;

/// <summary>
/// dbt's split: what fails while parsing (a syntax error, a compiler error raised at parse time)
/// stops the project; what fails only in a node's execute render fails that node alone.
/// </summary>
public sealed class NodeLevelRenderFailureTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("nodes")
        .WithProjectFile()
        .With("models/x.sql", "select 1 as id")
        .With("models/raises.sql", "{% if execute %}{{ exceptions.raise_compiler_error('not today') }}{% endif %}\nselect 1 as id")
        .With("models/after_raises.sql", "select * from {{ ref('raises') }}");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Build_of_one_model_runs_it_when_an_unrelated_model_fails_to_render()
    {
        _project.With("models/misspelt.sql", "select {{ no_such_macro_package.cents('amount') }} as amount");

        var result = _project.Forge("build", "-s", "x");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("OK sql view model main.x"));
    }

    [Test]
    public void An_execute_time_render_error_fails_its_node_and_skips_its_children_only()
    {
        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("OK sql view model main.x"));
        Assert.That(result.Output, Does.Contain("ERROR").And.Contain("main.raises"));
        Assert.That(result.Output, Does.Contain("SKIP").And.Contain("main.after_raises"));
        Assert.That(result.All, Does.Contain("models/raises.sql:1:20").And.Contain("not today"));
    }

    [Test]
    public void An_undefined_name_fails_only_its_node_with_its_position()
    {
        _project.With("models/misspelt.sql", "select\n  {{ no_such_macro_package.cents('amount') }} as amount");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("OK sql view model main.x"));
        Assert.That(result.All, Does.Contain("models/misspelt.sql:2:6").And.Contain("'no_such_macro_package' is undefined"));
    }

    [Test]
    public void A_query_result_used_without_an_execute_guard_parses_as_in_dbt_and_renders_at_run()
    {
        // At parse time run_query gives None; dbt's parser lets attribute access on it pass.
        _project.With("models/unguarded.sql", "{% set r = run_query('select 7 as v') %}\nselect {{ r.columns[0].values()[0] }} as v");

        var result = _project.Forge("compile", "-s", "unguarded");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/nodes/models/unguarded.sql"), Does.Contain("select 7 as v"));
    }

    [Test]
    public void A_compiler_error_raised_while_parsing_still_stops_the_project()
    {
        _project.With("models/always_raises.sql", "{{ exceptions.raise_compiler_error('broken at parse') }}\nselect 1");

        var result = _project.Forge("build", "-s", "x");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/always_raises.sql:1:4").And.Contain("broken at parse"));
    }

    [Test]
    public void A_template_syntax_error_still_stops_the_project()
    {
        _project.With("models/unclosed.sql", "{% if true %}select 1");

        var result = _project.Forge("build", "-s", "x");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("models/unclosed.sql:"));
    }
}
