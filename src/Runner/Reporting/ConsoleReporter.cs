using System.Globalization;
using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// dbt-style console lines: one when a node starts, one when it ends with status and seconds, then
/// a summary. Called from worker threads; each line is written whole.
/// </summary>
internal sealed class ConsoleReporter(TextWriter output, bool timestamps = true)
{
    private const int DotsColumn = 72;
    private readonly Lock _lock = new();

    public void Line(string text)
    {
        var line = timestamps ? $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {text}" : text;
        lock (_lock) output.WriteLine(line);
    }

    public void Blank()
    {
        lock (_lock) output.WriteLine();
    }

    public void NodeStarted(int index, int total, string description) =>
        Line(Dotted($"{index} of {total} START {description}", "[RUN]"));

    public void NodeFinished(int index, int total, string description, NodeResult result)
    {
        var seconds = result.ExecutionTime.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var (verb, badge) = result.Status switch
        {
            NodeStatus.Success => ("OK", $"[{result.Message ?? "OK"} in {seconds}s]"),
            NodeStatus.Pass => ("PASS", $"[PASS in {seconds}s]"),
            NodeStatus.Warn => ("WARN", $"[WARN {result.Failures} in {seconds}s]"),
            NodeStatus.Fail => ("FAIL", $"[FAIL {result.Failures} in {seconds}s]"),
            NodeStatus.Error => ("ERROR", $"[ERROR in {seconds}s]"),
            _ => ("SKIP", "[SKIP]"),
        };
        Line(Dotted($"{index} of {total} {verb} {description}", badge));
        foreach (var warning in result.Warnings)
        {
            lock (_lock) output.Write(Indent(DiagnosticPrinter.Format(warning)));
        }
    }

    public void Summary(RunSummary summary, string what)
    {
        Blank();
        Line($"Finished running {what} in {FormatElapsed(summary.Elapsed)}.");
        Blank();
        var failed = summary.Results.Where(r => r.Status is NodeStatus.Error or NodeStatus.Fail or NodeStatus.Warn).ToList();
        Line(summary.Failed ? "Completed with errors:" : failed.Count > 0 ? "Completed with warnings:" : "Completed successfully");
        foreach (var result in failed)
        {
            Blank();
            var kind = result.Status switch { NodeStatus.Warn => "Warning", NodeStatus.Fail => "Failure", _ => "Error" };
            Line($"{kind} in {result.UniqueId}");
            if (result.Diagnostic is { } diagnostic)
            {
                lock (_lock) output.Write(Indent(DiagnosticPrinter.Format(diagnostic)));
            }
            else
            {
                if (result.Message is { } message) Line($"  {message}");
                if (result.CompiledPath is { } compiled) Line($"  compiled code at {compiled}");
            }
        }
        Blank();
        var pass = summary.Count(NodeStatus.Success) + summary.Count(NodeStatus.Pass);
        var error = summary.Count(NodeStatus.Error) + summary.Count(NodeStatus.Fail);
        Line($"Done. PASS={pass} WARN={summary.Count(NodeStatus.Warn)} ERROR={error} SKIP={summary.Count(NodeStatus.Skipped)} TOTAL={summary.Results.Count}");
    }

    private static string Indent(string text)
    {
        var builder = new StringBuilder();
        foreach (var line in text.TrimEnd('\n').Split('\n')) builder.Append("  ").Append(line).Append('\n');
        return builder.ToString();
    }

    private static string Dotted(string left, string right)
    {
        var dots = Math.Max(3, DotsColumn - left.Length);
        return $"{left} {new string('.', dots)} {right}";
    }

    private static string FormatElapsed(TimeSpan elapsed) =>
        $"{elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds";
}
