using System.Text.Json;

namespace ModelForge.Runner.Docs;

/// <summary>Reads the last run's status and timing per node from run_results.json, when present.</summary>
internal static class RunResultsReader
{
    public static Dictionary<string, NodeRunResult> ReadFile(string path)
    {
        var results = new Dictionary<string, NodeRunResult>(StringComparer.Ordinal);
        if (!File.Exists(path)) return results;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            // A half-written or foreign file only costs the status column; the site is still useful.
            return results;
        }
    }

    public static Dictionary<string, NodeRunResult> Read(JsonElement root)
    {
        var results = new Dictionary<string, NodeRunResult>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var list) || list.ValueKind != JsonValueKind.Array) return results;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("unique_id", out var id) || id.ValueKind != JsonValueKind.String) continue;
            var status = item.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "unknown";
            var time = item.TryGetProperty("execution_time", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0;
            var message = item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            string? completed = null;
            if (item.TryGetProperty("timing", out var timing) && timing.ValueKind == JsonValueKind.Array)
            {
                foreach (var step in timing.EnumerateArray())
                {
                    if (step.ValueKind == JsonValueKind.Object && step.TryGetProperty("completed_at", out var c) && c.ValueKind == JsonValueKind.String) completed = c.GetString();
                }
            }
            results[id.GetString()!] = new NodeRunResult(status, time, message, completed);
        }
        return results;
    }
}
