using System.Globalization;
using System.Text;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// dbt-style console lines: one when a node starts, one when it ends with status and seconds
/// (<c>n of N</c> shows progress), then a summary. With <see cref="ReporterOptions.Json"/> the same
/// events are JSON objects, one per line; every line also goes to the debug log when there is one.
/// Called from worker threads; each line is written whole.
/// </summary>
internal sealed class ConsoleReporter(TextWriter output, ReporterOptions options) : IDisposable
{
    private const int DotsColumn = 72;
    private readonly Lock _lock = new();

    public ConsoleReporter(TextWriter output, bool timestamps = true)
        : this(output, new ReporterOptions { Timestamps = timestamps })
    {
    }

    /// <summary>Closes the debug log.</summary>
    public void Dispose()
    {
        lock (_lock) options.DebugLog?.Dispose();
    }

    public void Line(string text, LogLevel level = LogLevel.Info)
    {
        if (options.Json) Emit(JsonEvents.Log(text), text, level);
        else Emit(Stamp(text), text, level);
    }

    /// <summary>A detail shown with --debug (or --log-level debug) only.</summary>
    public void Debug(string text) => Line(text, LogLevel.Debug);

    public void Blank(LogLevel level = LogLevel.Info)
    {
        if (!options.Json) Emit("", null, level);
    }

    public void NodeStarted(int index, int total, string description, string? uniqueId = null)
    {
        var text = Dotted($"{index} of {total} START {description}", "[RUN]");
        if (options.Json) Emit(JsonEvents.NodeStarted(uniqueId ?? description, index, total, description), text, LogLevel.Info);
        else Emit(Stamp(text), text, LogLevel.Info);
    }

    public void NodeFinished(int index, int total, string description, NodeResult result)
    {
        var level = result.Status switch
        {
            NodeStatus.Error or NodeStatus.Fail => LogLevel.Error,
            NodeStatus.Warn => LogLevel.Warn,
            _ => LogLevel.Info,
        };
        if (options.Json)
        {
            var plain = FinishedText(index, total, description, result, color: false);
            Emit(JsonEvents.NodeFinished(index, total, description, result), plain + (result.Message is { } m && result.Status == NodeStatus.Skipped ? $" ({m})" : ""), level);
            return;
        }
        var colored = FinishedText(index, total, description, result, options.Color);
        Emit(Stamp(colored), FinishedText(index, total, description, result, color: false), level);
        // Warnings of a node that succeeded (e.g. a contract constraint the target cannot enforce).
        foreach (var warning in result.Warnings)
        {
            var text = Indent(DiagnosticPrinter.Format(warning)).TrimEnd('\n');
            Emit(text, text, LogLevel.Warn);
        }
    }

    /// <summary>Writes a line to the console (when <paramref name="level"/> is shown) and its plain text (null: nothing) to the debug log.</summary>
    private void Emit(string console, string? log, LogLevel level)
    {
        lock (_lock)
        {
            if (level >= options.Level && options.Level != LogLevel.None) output.WriteLine(console);
            if (options.DebugLog is { } file && log is not null)
                file.WriteLine($"{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)} [{Environment.CurrentManagedThreadId,3}] {log}");
        }
    }

    private string Stamp(string text) =>
        options.Timestamps && text.Length > 0 ? $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {text}" : text;

    private static string FinishedText(int index, int total, string description, NodeResult result, bool color)
    {
        var seconds = result.ExecutionTime.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var (verb, badge) = result.Status switch
        {
            NodeStatus.Success => ("OK", $"[{result.Message ?? "OK"} in {seconds}s]"),
            NodeStatus.Pass => ("PASS", $"[PASS in {seconds}s]"),
            NodeStatus.Warn => ("WARN", $"[WARN {result.Failures} in {seconds}s]"),
            NodeStatus.Fail => ("FAIL", $"[FAIL {result.Failures} in {seconds}s]"),
            NodeStatus.Error => ("ERROR", $"[ERROR in {seconds}s]"),
            NodeStatus.PartialSuccess => ("PARTIAL SUCCESS", $"[PARTIAL SUCCESS ({result.Message}) in {seconds}s]"),
            _ => ("SKIP", "[SKIP]"),
        };
        if (!color) return Dotted($"{index} of {total} {verb} {description}", badge);
        var code = result.Status switch
        {
            NodeStatus.Success or NodeStatus.Pass => Ansi.Green,
            NodeStatus.Warn or NodeStatus.Skipped => Ansi.Yellow,
            _ => Ansi.Red,
        };
        // Pad as if uncoloured so the dots still line up.
        var left = $"{index} of {total} {verb} {description}";
        var dots = Math.Max(3, DotsColumn - left.Length);
        return $"{index} of {total} {code}{verb}{Ansi.Reset} {description} {new string('.', dots)} {code}{badge}{Ansi.Reset}";
    }

    /// <param name="cancelled">Ctrl-C or SIGTERM stopped the run: say so instead of "Completed".</param>
    public void Summary(RunSummary summary, string what, bool cancelled = false)
    {
        if (options.Json)
        {
            Emit(JsonEvents.Summary(summary), $"Done. {what}", LogLevel.Info);
            return;
        }
        Blank();
        Line($"Finished running {what} in {FormatElapsed(summary.Elapsed)}.");
        Blank();
        var failed = summary.Results.Where(r => r.Status is NodeStatus.Error or NodeStatus.Fail or NodeStatus.Warn or NodeStatus.PartialSuccess).ToList();
        Line(cancelled ? "Cancelled: nodes not yet finished were interrupted and rolled back; the rest were not started."
            : summary.Failed ? "Completed with errors:" : failed.Count > 0 ? "Completed with warnings:" : "Completed successfully",
            summary.Failed ? LogLevel.Error : failed.Count > 0 ? LogLevel.Warn : LogLevel.Info);
        foreach (var result in failed)
        {
            var level = result.Status == NodeStatus.Warn ? LogLevel.Warn : LogLevel.Error;
            Blank(level);
            var kind = result.Status switch { NodeStatus.Warn => "Warning", NodeStatus.Fail => "Failure", NodeStatus.PartialSuccess => "Partial success", _ => "Error" };
            Line($"{kind} in {result.UniqueId}", level);
            if (result.Diagnostic is { } diagnostic)
            {
                var text = Indent(DiagnosticPrinter.Format(diagnostic));
                lock (_lock)
                {
                    if (level >= options.Level && options.Level != LogLevel.None) output.Write(text);
                    options.DebugLog?.Write(text);
                }
            }
            else
            {
                if (result.Message is { } message) Line($"  {message}", level);
                if (result.CompiledPath is { } compiled) Line($"  compiled code at {compiled}", level);
            }
        }
        Blank();
        var pass = summary.Count(NodeStatus.Success) + summary.Count(NodeStatus.Pass);
        var error = summary.Count(NodeStatus.Error) + summary.Count(NodeStatus.Fail) + summary.Count(NodeStatus.PartialSuccess);
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
