using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

/// <summary>--fail-fast, Ctrl-C (the CliEnvironment cancellation token) and --threads on DuckDB.</summary>
public sealed class RunControlTests
{
    // Counting 10^11 rows takes DuckDB minutes: long enough to be interrupted, never to finish.
    private const string SlowModel = "{{ config(materialized='table') }}\nselect count(*) as n from range({{ var('n', 10) }}) t(x) where x % 7 = 3";

    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("ctl").WithProjectFile();

    [TearDown]
    public void TearDown() => _project.Dispose();

    private Dictionary<string, string> Statuses()
    {
        using var document = JsonDocument.Parse(_project.Read("target/run_results.json"));
        return document.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.GetProperty("status").GetString()!);
    }

    [Test]
    public void Without_fail_fast_independent_nodes_still_run_after_a_failure()
    {
        _project.With("models/a_bad.sql", "select * from no_such_table").With("models/b_good.sql", "select 1 as x");
        var result = _project.Forge("run", "--threads", "1");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(Statuses()["model.ctl.b_good"], Is.EqualTo("success"));
    }

    [Test]
    public void Fail_fast_skips_what_was_not_started_after_the_first_failure()
    {
        _project.With("models/a_bad.sql", "select * from no_such_table").With("models/b_good.sql", "select 1 as x");
        var result = _project.Forge("run", "--threads", "1", "--fail-fast");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(Statuses(), Is.EqualTo(new Dictionary<string, string> { ["model.ctl.a_bad"] = "error", ["model.ctl.b_good"] = "skipped" }));
        Assert.That(result.Output, Does.Contain("SKIP sql view model main.b_good"));
        using var document = JsonDocument.Parse(_project.Read("target/run_results.json"));
        var skipped = document.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unique_id").GetString() == "model.ctl.b_good");
        Assert.That(skipped.GetProperty("message").GetString(), Does.Contain("--fail-fast"));
    }

    [Test]
    public void Fail_fast_interrupts_a_query_running_on_another_thread()
    {
        _project.With("models/a_bad.sql", "select * from no_such_table").With("models/slow.sql", SlowModel);
        var result = _project.Forge("run", "--threads", "2", "--fail-fast", "--vars", "{n: 100000000000}");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(Statuses()["model.ctl.slow"], Is.EqualTo("skipped"));
        Assert.That(Database.Query(_project.DatabasePath, "select table_name from information_schema.tables where table_name like 'slow%'"), Is.Empty);
    }

    [Test]
    public void Cancelling_interrupts_the_running_query_skips_the_rest_and_leaves_no_half_built_relation()
    {
        // Given a previous successful build of slow
        _project.With("models/slow.sql", SlowModel).With("models/after.sql", "select n from {{ ref('slow') }}");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));

        // When a run that takes minutes is cancelled (Ctrl-C) two seconds in
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var result = _project.Forge(cancellation.Token, "run", "--vars", "{n: 100000000000}");

        // Then the running model is interrupted, the rest skipped, run_results written, the old table intact
        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(Statuses(), Is.EqualTo(new Dictionary<string, string> { ["model.ctl.slow"] = "skipped", ["model.ctl.after"] = "skipped" }));
        Assert.That(result.Output, Does.Contain("Cancelled"));
        Assert.That(_project.Read("target/run_results.json"), Does.Contain("cancelled while running"));
        var tables = Database.Query(_project.DatabasePath, "select table_name from information_schema.tables where table_name like 'slow%'");
        Assert.That(tables.Select(r => r[0]), Is.EqualTo(new[] { "slow" }));
        Assert.That(Convert.ToInt64(Database.Scalar(_project.DatabasePath, "select n from main.slow")), Is.EqualTo(1));
    }

    [Test]
    public void Many_threads_build_the_same_relations_as_one_thread()
    {
        void Write(TempProject project)
        {
            project.With("models/base.sql", "select range as id, range % 5 as k from range(1000)");
            for (var i = 0; i < 6; i++)
                project.With($"models/branch_{i}.sql", $"{{{{ config(materialized='table') }}}}\nselect k, sum(id) * {i + 1} as s from {{{{ ref('base') }}}} group by k");
            project.With("models/total.sql", "{{ config(materialized='table') }}\nselect k, " +
                string.Join(" + ", Enumerable.Range(0, 6).Select(i => $"b{i}.s")) + " as s from {{ ref('branch_0') }} b0 " +
                string.Join(" ", Enumerable.Range(1, 5).Select(i => $"join {{{{ ref('branch_{i}') }}}} b{i} using (k)")));
        }
        Write(_project);
        using var parallel = new TempProject("ctl").WithProjectFile();
        Write(parallel);

        Assert.That(_project.Forge("run", "--threads", "1").ExitCode, Is.EqualTo(0));
        var result = parallel.Forge("run", "--threads", "4");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Concurrency: 4 threads"));

        const string Query = "select k, s from main.total order by k";
        Assert.That(Database.Query(parallel.DatabasePath, Query), Is.EqualTo(Database.Query(_project.DatabasePath, Query)));
        for (var i = 0; i < 6; i++)
        {
            var branch = $"select k, s from main.branch_{i} order by k";
            Assert.That(Database.Query(parallel.DatabasePath, branch), Is.EqualTo(Database.Query(_project.DatabasePath, branch)));
        }
    }
}
