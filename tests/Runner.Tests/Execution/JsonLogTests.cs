using System.Text.Json;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

public sealed class JsonLogTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("logs").WithProjectFile()
        .With("models/a.sql", "select 1 as x")
        .With("models/b.sql", "select * from {{ ref('a') }} join missing_table using (x)");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Json_log_format_prints_one_parsable_event_per_line()
    {
        var result = _project.Forge("run", "--log-format", "json", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        var events = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.That(events.Select(e => e.GetProperty("event").GetString()).Distinct(), Is.SupersetOf(new[] { "log", "node_start", "node_finished", "summary" }));
        var finished = events.Where(e => e.GetProperty("event").GetString() == "node_finished")
            .ToDictionary(e => e.GetProperty("unique_id").GetString()!, e => e);
        Assert.That(finished["model.logs.a"].GetProperty("status").GetString(), Is.EqualTo("success"));
        Assert.That(finished["model.logs.a"].GetProperty("index").GetInt32(), Is.EqualTo(1));
        Assert.That(finished["model.logs.a"].GetProperty("total").GetInt32(), Is.EqualTo(2));
        Assert.That(finished["model.logs.a"].GetProperty("execution_time").GetDouble(), Is.GreaterThanOrEqualTo(0));
        Assert.That(finished["model.logs.b"].GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(finished["model.logs.b"].GetProperty("message").GetString(), Does.Contain("missing_table"));
        var summary = events.Single(e => e.GetProperty("event").GetString() == "summary");
        Assert.That(summary.GetProperty("error").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("success").GetBoolean(), Is.False);
    }

    [Test]
    public void Text_output_has_no_colours_when_not_a_terminal()
    {
        var result = _project.Forge("run");
        // An ordinal search: culture-aware matching ignores control characters such as ESC.
        Assert.That(result.Output.Contains('\u001b', StringComparison.Ordinal), Is.False);
        Assert.That(result.Output, Does.Contain("1 of 2 OK sql view model main.a"));
    }

    [Test]
    public void The_debug_log_keeps_every_line_in_target()
    {
        _project.Forge("run", "--log-format", "json");
        var log = _project.Read("target/forge.log");
        Assert.That(log, Does.Contain("===== forge run"));
        Assert.That(log, Does.Contain("START sql view model main.a"));
        Assert.That(log, Does.Contain("ERROR sql view model main.b"));
    }
}
