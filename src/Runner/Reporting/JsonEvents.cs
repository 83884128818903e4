using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// --log-format json: one object per line with <c>event</c> (log, node_start, node_finished,
/// summary), <c>ts</c> (UTC, ISO 8601) and the event's fields, for CI parsers.
/// </summary>
internal static class JsonEvents
{
    public static string Log(string message) => Write("log", json => json.WriteString("message", message));

    public static string NodeStarted(string uniqueId, int index, int total, string description) => Write("node_start", json =>
    {
        json.WriteString("unique_id", uniqueId);
        json.WriteNumber("index", index);
        json.WriteNumber("total", total);
        json.WriteString("description", description);
    });

    public static string NodeFinished(int index, int total, string description, NodeResult result) => Write("node_finished", json =>
    {
        json.WriteString("unique_id", result.UniqueId);
        json.WriteNumber("index", index);
        json.WriteNumber("total", total);
        json.WriteString("description", description);
        json.WriteString("status", result.Status.ToArtifactString());
        json.WriteNumber("execution_time", Math.Round(result.ExecutionTime.TotalSeconds, 3));
        if (result.Message is { } message) json.WriteString("message", message);
        if (result.ThreadId is { } thread) json.WriteString("thread", thread);
        if (result.RowsAffected is { } rows) json.WriteNumber("rows_affected", rows);
        if (result.Failures is { } failures) json.WriteNumber("failures", failures);
        if (result.Diagnostic is { } diagnostic)
        {
            json.WriteString("code", diagnostic.Code);
            json.WriteString("diagnostic", DiagnosticPrinter.Format(diagnostic).TrimEnd('\n'));
        }
    });

    public static string Summary(RunSummary summary) => Write("summary", json =>
    {
        json.WriteString("command", summary.Command);
        json.WriteNumber("elapsed", Math.Round(summary.Elapsed.TotalSeconds, 3));
        json.WriteNumber("pass", summary.Count(NodeStatus.Success) + summary.Count(NodeStatus.Pass));
        json.WriteNumber("warn", summary.Count(NodeStatus.Warn));
        json.WriteNumber("error", summary.Count(NodeStatus.Error) + summary.Count(NodeStatus.Fail) + summary.Count(NodeStatus.PartialSuccess));
        json.WriteNumber("skip", summary.Count(NodeStatus.Skipped));
        json.WriteNumber("total", summary.Results.Count);
        json.WriteBoolean("success", !summary.Failed);
    });

    private static string Write(string name, Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("event", name);
            Compiler.Artifacts.ArtifactJson.WriteTime(json, "ts", DateTimeOffset.UtcNow);
            fields(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
