using System.Text.Json;
using ModelForge.Compiler.Compilation.Microbatch;

namespace ModelForge.Runner.Execution;

/// <summary>
/// For <c>forge retry</c>: the failed batches of each microbatch model that ended in partial success,
/// read from a run_results.json. Pass the result as <see cref="Cli.InvocationOptions.MicrobatchBatches"/>
/// and those models run exactly these batches instead of planning their own.
/// </summary>
internal static class FailedBatches
{
    public static IReadOnlyDictionary<string, IReadOnlyList<MicrobatchWindow>> Read(JsonElement runResults)
    {
        var found = new Dictionary<string, IReadOnlyList<MicrobatchWindow>>(StringComparer.Ordinal);
        if (!runResults.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) return found;
        foreach (var result in results.EnumerateArray())
        {
            // An errored model (no batch kept) is retried whole, as dbt does; only a partial success narrows to its failed batches.
            if (result.TryGetProperty("status", out var status) && status.GetString() != "partial success") continue;
            if (!result.TryGetProperty("unique_id", out var id) || id.GetString() is not { } uniqueId) continue;
            if (!result.TryGetProperty("batch_results", out var batches) || !batches.TryGetProperty("failed", out var failed)) continue;
            var windows = new List<MicrobatchWindow>();
            foreach (var pair in failed.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2) continue;
                if (EventTimes.Parse(pair[0].GetString()) is { } start && EventTimes.Parse(pair[1].GetString()) is { } end && start < end)
                    windows.Add(new MicrobatchWindow(start, end));
            }
            if (windows.Count > 0) found[uniqueId] = windows;
        }
        return found;
    }
}
