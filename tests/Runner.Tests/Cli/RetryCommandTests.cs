using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Cli;

/// <summary>`forge retry`: the previous invocation's failed and skipped nodes, with its flags, and nothing else.</summary>
public sealed class RetryCommandTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/a.sql", "select 1 as id")
        .With("models/b.sql", "select * from {{ ref('a') }} where no_such_column")
        .With("models/c.sql", "select * from {{ ref('b') }}")
        .With("models/other.sql", "select 2 as id");

    [TearDown]
    public void TearDown() => _project.Dispose();

    private (string Id, string Status)[] Results()
    {
        using var results = JsonDocument.Parse(_project.Read("target/run_results.json"));
        return results.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("unique_id").GetString()!, r.GetProperty("status").GetString()!)).OrderBy(r => r.Item1).ToArray();
    }

    [Test]
    public void Retry_reruns_the_error_and_its_skipped_children_with_the_same_flags()
    {
        var first = _project.Forge("run", "--vars", "{x: 1}", "--threads", "1");
        _project.With("models/b.sql", "select * from {{ ref('a') }} where {{ var('x') }} = 1");

        var retry = _project.Forge("retry");

        Assert.That(first.ExitCode, Is.EqualTo(1), first.ToString());
        Assert.That(retry.ExitCode, Is.EqualTo(0), retry.ToString());
        Assert.That(Results(), Is.EqualTo(new[] { ("model.shop.b", "success"), ("model.shop.c", "success") }));
        using var results = JsonDocument.Parse(_project.Read("target/run_results.json"));
        Assert.That(results.RootElement.GetProperty("args").GetProperty("vars").GetString(), Is.EqualTo("{x: 1}"));
    }

    [Test]
    public void Retry_after_a_clean_run_has_nothing_to_do()
    {
        _project.With("models/b.sql", "select * from {{ ref('a') }}");
        _project.Forge("run");

        var retry = _project.Forge("retry");

        Assert.That(retry.ExitCode, Is.EqualTo(0), retry.ToString());
        Assert.That(retry.Output, Does.Contain("Nothing to retry"));
    }

    [Test]
    public void Run_results_record_the_invocation_arguments_as_dbt_does()
    {
        _project.Forge("run", "-s", "other", "--full-refresh");

        using var results = JsonDocument.Parse(_project.Read("target/run_results.json"));
        var args = results.RootElement.GetProperty("args");
        Assert.That(args.GetProperty("which").GetString(), Is.EqualTo("run"));
        Assert.That(args.GetProperty("select")[0].GetString(), Is.EqualTo("other"));
        Assert.That(args.GetProperty("full_refresh").GetBoolean(), Is.True);
        Assert.That(args.GetProperty("forge_args").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "run", "-s", "other", "--full-refresh" }));
    }
}
