using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.Freshness;

namespace ModelForge.Runner.Cli;

/// <summary>`forge source freshness`: how long ago each source table was last loaded, against its policy.</summary>
internal static class SourceCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("source", "Commands about sources.");
        var freshness = new Command("freshness",
            "Check how recently each source table was loaded (max of loaded_at_field) against warn_after/error_after; writes target/sources.json.");
        shared.AddProjectOptions(freshness);
        shared.AddSelectionOptions(freshness);
        shared.AddExecutionOptions(freshness);
        freshness.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "source freshness");
            var session = ProjectSession.Open(options, environment);
            if (session is null) return ExitCodes.UsageOrProject;
            var selected = NodeSelector.Select(session.Compiled!, options.Select, options.Exclude, new HashSet<ResourceType> { ResourceType.Source });
            return new FreshnessInvocation(session, environment).Run(selected);
        });
        command.Subcommands.Add(freshness);
        return command;
    }
}
