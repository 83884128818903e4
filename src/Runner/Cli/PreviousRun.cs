using System.Text.Json;

namespace ModelForge.Runner.Cli;

/// <summary>
/// What `forge retry` needs from the previous invocation's run_results.json: the command line it
/// ran, the nodes to run again (dbt's retry statuses: error, fail, skipped, runtime error), and the
/// failed microbatch windows of each model.
/// </summary>
internal sealed record PreviousRun(string Command, IReadOnlyList<string> Arguments, IReadOnlyList<string> ToRetry)
{
    private static readonly HashSet<string> RetryStatuses = new(StringComparer.Ordinal) { "error", "fail", "skipped", "runtime error" };

    /// <summary>
    /// The failed batches (start, end as written) by model unique id, from each result's
    /// <c>batch_results.failed</c> as dbt writes it. This is the seam for microbatch models: a
    /// retried model reads its own entry and rebuilds only those windows.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Start, string End)>> FailedBatches { get; init; } =
        new Dictionary<string, IReadOnlyList<(string, string)>>();

    /// <summary>Null with <paramref name="problem"/> set when the file is not a run_results.json forge can replay.</summary>
    public static PreviousRun? Read(string path, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("args", out var args) || !args.TryGetProperty("which", out var which) || which.GetString() is not { } command)
            {
                problem = "it has no args.which (the command that wrote it)";
                return null;
            }
            var arguments = args.TryGetProperty("forge_args", out var given) && given.ValueKind == JsonValueKind.Array
                ? given.EnumerateArray().Select(a => a.GetString() ?? "").ToList()
                : [command];
            var toRetry = new List<string>();
            var batches = new Dictionary<string, IReadOnlyList<(string, string)>>(StringComparer.Ordinal);
            foreach (var result in root.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("unique_id").GetString()!;
                if (RetryStatuses.Contains(result.GetProperty("status").GetString() ?? "")) toRetry.Add(id);
                if (result.TryGetProperty("batch_results", out var batchResults) && batchResults.TryGetProperty("failed", out var failed)
                    && failed.ValueKind == JsonValueKind.Array && failed.GetArrayLength() > 0)
                {
                    batches[id] = failed.EnumerateArray().Select(b => (b[0].ToString(), b[1].ToString())).ToList();
                    if (!toRetry.Contains(id)) toRetry.Add(id);
                }
            }
            return new PreviousRun(command, arguments, toRetry) { FailedBatches = batches };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or IOException or UnauthorizedAccessException)
        {
            problem = $"it is not a run results file ({e.Message.Split('\n')[0]})";
            return null;
        }
    }
}
