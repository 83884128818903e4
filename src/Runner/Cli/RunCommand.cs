using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Cli;

/// <summary>`forge run`: build the selected models in dependency order.</summary>
internal static class RunCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("run", "Build models (views, tables, incremental models) in dependency order.");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddExecutionOptions(command);
        command.Options.Add(shared.Empty);
        shared.AddEventTimeOptions(command);
        command.SetAction(parse => Execute(InvocationOptions.From(parse, shared, environment, "run"), environment));
        return command;
    }

    private static int Execute(InvocationOptions options, CliEnvironment environment)
    {
        using var session = ProjectSession.Open(options, environment, openAhead: true);
        if (session is null) return ExitCodes.UsageOrProject;
        var selected = NodeSelector.Select(session, environment, new HashSet<ResourceType> { ResourceType.Model });
        if (selected is null) return ExitCodes.UsageOrProject;
        return new RunInvocation(session, environment).Run(selected);
    }
}
