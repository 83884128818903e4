using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

public sealed class HookTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("hooks");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private const string Log = "insert into main.hook_log select (select count(*) from main.hook_log), ";

    [Test]
    public void Hooks_run_in_order_around_the_run_and_each_model()
    {
        _project.WithProjectFile($"""
            on-run-start:
              - "create table if not exists main.hook_log (seq integer, what varchar)"
              - "{Log}'start'"
            on-run-end:
              - "{Log}'end'"
            """)
            .With("models/first.sql", "{{ config(materialized='table', pre_hook=\"" + Log + "'pre ' || '{{ this.identifier }}'\", post_hook=\"" + Log + "'post ' || (select count(*) from {{ this }})\") }}\nselect 1 as x union all select 2")
            .With("models/second.sql", "select * from {{ ref('first') }}");

        var result = _project.Forge("run", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var log = Database.Query(_project.DatabasePath, "select what from main.hook_log order by seq").Select(r => (string)r[0]!).ToList();
        Assert.That(log, Is.EqualTo(new[] { "start", "pre first", "post 2", "end" }));
    }

    [Test]
    public void Seeds_and_snapshots_run_their_hooks_too()
    {
        _project.WithProjectFile("""
            on-run-start:
              - "create table if not exists main.hook_log (seq integer, what varchar)"
            seeds:
              hooks:
                +post-hook: "LOG'seed ' || (select count(*) from {{ this }})"
            snapshots:
              hooks:
                +pre-hook: "LOG'snapshot pre'"
                +post-hook: "LOG'snapshot post'"
            """.Replace("LOG", Log, StringComparison.Ordinal))
            .With("seeds/people.csv", "id,name\n1,Ada\n2,Grace\n")
            .With("snapshots/people_history.sql",
                "{% snapshot people_history %}{{ config(target_schema='main', unique_key='id', strategy='check', check_cols='all') }}select * from {{ ref('people') }}{% endsnapshot %}");

        var result = _project.Forge("build", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var log = Database.Query(_project.DatabasePath, "select what from main.hook_log order by seq").Select(r => (string)r[0]!).ToList();
        Assert.That(log, Is.EqualTo(new[] { "seed 2", "snapshot pre", "snapshot post" }));
    }

    [Test]
    public void A_failing_post_hook_fails_its_model_and_says_which_hook()
    {
        _project.WithProjectFile()
            .With("models/m.sql", "{{ config(post_hook='insert into no_such_table values (1)') }}\nselect 1 as x");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Output, Does.Contain("MF5701").And.Contain("post-hook of m failed"));
    }

    [Test]
    public void A_failing_on_run_start_stops_the_run_before_any_model()
    {
        _project.WithProjectFile("on-run-start:\n  - \"select * from no_such_table\"\n")
            .With("models/m.sql", "select 1 as x");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain("on-run-start failed"));
        Assert.That(result.Output, Does.Not.Contain("START sql"));
    }

    [Test]
    public void On_run_end_sees_the_schemas_and_results_of_the_run()
    {
        _project.WithProjectFile("""
            on-run-end:
              - "create table main.end_info as select '{{ schemas | join(',') }}' as schemas, '{% for r in results %}{{ r.node.name }}={{ r.status }};{% endfor %}' as results"
            """)
            .With("models/a.sql", "select 1 as x")
            .With("models/b.sql", "select * from {{ ref('a') }}");

        var result = _project.Forge("run", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var row = Database.Query(_project.DatabasePath, "select schemas, results from main.end_info").Single();
        Assert.That(row, Is.EqualTo(new object[] { "main", "a=success;b=success;" }));
    }
}
