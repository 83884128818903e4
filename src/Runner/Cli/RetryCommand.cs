using System.CommandLine;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge retry` (dbt retry): replays the previous invocation recorded in run_results.json, with
/// its command and flags, on the nodes that did not succeed there (error, fail, skipped) and no
/// others: the selection flags are replaced by those nodes' unique ids.
/// </summary>
internal static class RetryCommand
{
    private static readonly HashSet<string> Replayable = new(StringComparer.Ordinal) { "run", "build", "test", "seed", "snapshot", "clone" };

    // Flags of the previous command line that retry replaces: the selection (by the failed nodes)
    // and where the project and artifacts are (by retry's own).
    private static readonly HashSet<string> Replaced = new(StringComparer.Ordinal)
    {
        "--select", "-s", "--exclude", "--selector", "--indirect-selection", "--resource-type", "--exclude-resource-type",
        "--project-dir", "--target-path",
    };

    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("retry", "Run again the nodes that failed or were skipped in the previous run, build, test, seed or snapshot, with its flags.");
        shared.AddProjectOptions(command);
        command.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "retry");
            var session = ProjectSession.Open(options, environment, compile: false);
            if (session is null) return ExitCodes.UsageOrProject;
            var relative = $"{session.Project.ProjectFile.TargetPath}/run_results.json";
            var path = Path.Combine(session.TargetDirectory, "run_results.json");
            if (!File.Exists(path))
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Commands.NoPreviousRun(relative)]);
                return ExitCodes.UsageOrProject;
            }
            var previous = PreviousRun.Read(path, out var problem);
            if (previous is null || !Replayable.Contains(previous.Command))
            {
                DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Commands.CannotRetry(relative,
                    problem ?? $"it was written by `forge {previous!.Command}`, which retry does not replay")]);
                return ExitCodes.UsageOrProject;
            }
            if (previous.ToRetry.Count == 0)
            {
                environment.Output.WriteLine($"Nothing to retry: every node of the previous `forge {previous.Command}` succeeded.");
                return ExitCodes.Success;
            }
            string[] replay =
            [
                .. WithoutReplaced(previous.Arguments),
                "--select", .. previous.ToRetry,
                // Only the listed nodes: their tests are in the list when they were skipped or failed.
                .. previous.Command is "build" or "test" ? ["--indirect-selection", "empty"] : Array.Empty<string>(),
                "--project-dir", options.ProjectDirectory,
                .. options.TargetPath is { } targetPath ? ["--target-path", targetPath] : Array.Empty<string>(),
            ];
            return ForgeCli.Run(replay, environment.Retrying(previous));
        });
        return command;
    }

    private static IEnumerable<string> WithoutReplaced(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (Replaced.Contains(word.Split('=', 2)[0]))
            {
                if (word.Contains('=')) continue;
                // Skip the values, which run until the next flag (--select takes several).
                while (i + 1 < arguments.Count && !arguments[i + 1].StartsWith('-')) i++;
                continue;
            }
            yield return word;
        }
    }
}
