using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Cli;

/// <summary>`forge seed`: load the CSV files under the seed paths into tables named after them.</summary>
internal static class SeedCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("seed", "Load CSV files from the seed paths into tables.");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddExecutionOptions(command);
        command.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "seed");
            using var session = ProjectSession.Open(options, environment, openAhead: true);
            if (session is null) return ExitCodes.UsageOrProject;
            var selected = NodeSelector.Select(session, environment, new HashSet<ResourceType> { ResourceType.Seed });
            if (selected is null) return ExitCodes.UsageOrProject;
            return new RunInvocation(session, environment).Run(selected);
        });
        return command;
    }
}
