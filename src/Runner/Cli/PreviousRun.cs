using System.Text.Json;
using ModelForge.Compiler.Compilation.Microbatch;

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
    /// The failed windows of each microbatch model that ended in partial success (read by
    /// <see cref="Execution.FailedBatches"/>): a retried model rebuilds only those.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MicrobatchWindow>> FailedBatches { get; init; } =
        new Dictionary<string, IReadOnlyList<MicrobatchWindow>>();

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
            foreach (var result in root.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("unique_id").GetString()!;
                if (RetryStatuses.Contains(result.GetProperty("status").GetString() ?? "")) toRetry.Add(id);
            }
            var batches = Execution.FailedBatches.Read(root);
            toRetry.AddRange(batches.Keys.Where(id => !toRetry.Contains(id)));
            return new PreviousRun(command, arguments, toRetry) { FailedBatches = batches };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or IOException or UnauthorizedAccessException)
        {
            problem = $"it is not a run results file ({e.Message.Split('\n')[0]})";
            return null;
        }
    }
}
