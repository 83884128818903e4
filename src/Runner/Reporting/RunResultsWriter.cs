using ModelForge.Compiler.Artifacts;
using System.Text.Json;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// Writes target/run_results.json in the shape of dbt's run results (v6), so tools that read
/// dbt's artifacts read ours.
/// </summary>
internal static class RunResultsWriter
{
    public static void Write(string path, RunSummary summary)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = AtomicFile.Create(path);
        using var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        ArtifactJson.WriteMetadataFields(json, "https://schemas.getdbt.com/dbt/run-results/v6.json", summary.CompletedAt, summary.InvocationId);
        ArtifactJson.WriteEnv(json, ForgeVersion.Current);
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var result in summary.Results) WriteResult(json, result);
        json.WriteEndArray();

        json.WriteNumber("elapsed_time", Math.Round(summary.Elapsed.TotalSeconds, 6));
        json.WriteStartObject("args");
        json.WriteString("which", summary.Command);
        foreach (var (key, value) in summary.Args)
        {
            if (key == "which") continue;
            json.WritePropertyName(key);
            JsonValueWriter.Write(json, value);
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        file.Complete();
    }

    private static void WriteBatches(Utf8JsonWriter json, string name, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow> windows)
    {
        json.WriteStartArray(name);
        foreach (var window in windows)
        {
            json.WriteStartArray();
            json.WriteStringValue(Compiler.Compilation.Microbatch.MicrobatchWindow.FormatIso(window.Start));
            json.WriteStringValue(Compiler.Compilation.Microbatch.MicrobatchWindow.FormatIso(window.End));
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, NodeResult result)
    {
        json.WriteStartObject();
        json.WriteString("unique_id", result.UniqueId);
        json.WriteString("status", result.Status.ToArtifactString());
        json.WriteStartArray("timing");
        if (result.Status != NodeStatus.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("name", "execute");
            ArtifactJson.WriteTime(json, "started_at", result.StartedAt);
            ArtifactJson.WriteTime(json, "completed_at", result.CompletedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("thread_id", result.ThreadId ?? "Thread-1");
        json.WriteNumber("execution_time", Math.Round(result.ExecutionTime.TotalSeconds, 6));
        json.WriteStartObject("adapter_response");
        if (result.RowsAffected is { } rows) json.WriteNumber("rows_affected", rows);
        json.WriteEndObject();
        if (result.Message is { } message) json.WriteString("message", message);
        else json.WriteNull("message");
        if (result.Failures is { } failures) json.WriteNumber("failures", failures);
        else json.WriteNull("failures");
        json.WriteBoolean("compiled", result.CompiledCode is not null);
        if (result.CompiledCode is { } code) json.WriteString("compiled_code", code);
        else json.WriteNull("compiled_code");
        if (result.RelationName is { } relation) json.WriteString("relation_name", relation);
        else json.WriteNull("relation_name");
        if (result.Batches is { } batches)
        {
            // dbt 1.9's shape: each batch a [start, end] pair; `forge retry` reads "failed".
            json.WriteStartObject("batch_results");
            WriteBatches(json, "successful", batches.Successful);
            WriteBatches(json, "failed", batches.Failed);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
