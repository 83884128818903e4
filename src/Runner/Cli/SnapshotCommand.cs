using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Cli;

/// <summary>`forge snapshot`: record changes of the snapshot queries as type-2 slowly changing dimensions.</summary>
internal static class SnapshotCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("snapshot", "Run snapshots: keep the history of changing rows (type-2 slowly changing dimensions).");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddExecutionOptions(command);
        command.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "snapshot");
            using var session = ProjectSession.Open(options, environment, openAhead: true);
            if (session is null) return ExitCodes.UsageOrProject;
            var selected = NodeSelector.Select(session.Compiled!, options.Select, options.Exclude, new HashSet<ResourceType> { ResourceType.Snapshot });
            return new RunInvocation(session, environment).Run(selected);
        });
        return command;
    }
}
