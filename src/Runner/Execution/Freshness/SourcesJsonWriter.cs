using ModelForge.Compiler.Artifacts;
using System.Text.Json;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Execution.Freshness;

/// <summary>Writes target/sources.json in the shape of dbt's sources artifact (v3), so tools that read dbt's read ours.</summary>
internal static class SourcesJsonWriter
{

    public static void Write(string path, IReadOnlyList<FreshnessResult> results, string invocationId, DateTimeOffset started, DateTimeOffset completed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = AtomicFile.Create(path);
        using var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        ArtifactJson.WriteMetadataFields(json, "https://schemas.getdbt.com/dbt/sources/v3.json", completed, invocationId);
        ArtifactJson.WriteEnv(json, ForgeVersion.Current);
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var result in results) WriteResult(json, result);
        json.WriteEndArray();
        json.WriteNumber("elapsed_time", Math.Round((completed - started).TotalSeconds, 6));
        json.WriteEndObject();
        json.Flush();
        file.Complete();
    }

    private static void WriteResult(Utf8JsonWriter json, FreshnessResult result)
    {
        json.WriteStartObject();
        json.WriteString("unique_id", result.UniqueId);
        json.WriteString("status", result.Status switch
        {
            FreshnessStatus.Pass => "pass",
            FreshnessStatus.Warn => "warn",
            FreshnessStatus.Error => "error",
            _ => "runtime error",
        });
        if (result.Diagnostic is { } diagnostic)
        {
            // dbt's runtime-error entry: the message instead of the times.
            json.WriteString("error", diagnostic.Message);
        }
        else
        {
            if (result.MaxLoadedAt is { } loaded) ArtifactJson.WriteTime(json, "max_loaded_at", loaded);
            else json.WriteNull("max_loaded_at");
            ArtifactJson.WriteTime(json, "snapshotted_at", (result.SnapshottedAt ?? result.CompletedAt));
            if (result.Age is { } age) json.WriteNumber("max_loaded_at_time_ago_in_s", Math.Round(age.TotalSeconds, 6));
            else json.WriteNull("max_loaded_at_time_ago_in_s");
            json.WriteStartObject("criteria");
            Threshold(json, "warn_after", result.Policy.WarnAfter);
            Threshold(json, "error_after", result.Policy.ErrorAfter);
            if (result.Policy.Filter is { } filter) json.WriteString("filter", filter);
            else json.WriteNull("filter");
            json.WriteEndObject();
            json.WriteStartObject("adapter_response");
            json.WriteEndObject();
        }
        json.WriteStartArray("timing");
        json.WriteStartObject();
        json.WriteString("name", "execute");
        ArtifactJson.WriteTime(json, "started_at", result.StartedAt);
        ArtifactJson.WriteTime(json, "completed_at", result.CompletedAt);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("thread_id", result.ThreadId ?? "Thread-1");
        json.WriteNumber("execution_time", Math.Round(result.ExecutionTime.TotalSeconds, 6));
        json.WriteEndObject();
    }

    private static void Threshold(Utf8JsonWriter json, string name, FreshnessThreshold? threshold)
    {
        json.WriteStartObject(name);
        if (threshold is null)
        {
            json.WriteNull("count");
            json.WriteNull("period");
        }
        else
        {
            json.WriteNumber("count", threshold.Count);
            json.WriteString("period", threshold.Period);
        }
        json.WriteEndObject();
    }
}
