using ModelForge.Runner.Execution;
using ModelForge.Runner.Reporting;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

public sealed class ConsoleReporterTests
{
    [Test]
    public void Colours_mark_the_status_on_a_terminal_and_the_debug_log_stays_plain()
    {
        var output = new StringWriter();
        var log = new StringWriter();
        var reporter = new ConsoleReporter(output, new ReporterOptions { Color = true, Timestamps = false, DebugLog = log });

        reporter.NodeFinished(1, 2, "sql view model main.a", new NodeResult("model.x.a", NodeStatus.Success, TimeSpan.Zero) { Message = "CREATE VIEW" });
        reporter.NodeFinished(2, 2, "sql view model main.b", new NodeResult("model.x.b", NodeStatus.Error, TimeSpan.Zero));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("1 of 2 \u001b[32mOK\u001b[0m sql view model main.a "));
        Assert.That(lines[1], Does.StartWith("2 of 2 \u001b[31mERROR\u001b[0m"));
        Assert.That(log.ToString().Contains('\u001b', StringComparison.Ordinal), Is.False);
        Assert.That(log.ToString(), Does.Contain("1 of 2 OK sql view model main.a"));
    }
}
