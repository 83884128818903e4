using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.DataTests;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge build`: seeds, models, snapshots and tests in one DAG walk. A node's tests run right
/// after it; a failing error-severity test skips everything downstream of the node it tests. A
/// model's unit tests run before it, and one failing skips the model and its children.
/// </summary>
internal static class BuildCommand
{
    private static readonly HashSet<ResourceType> Built = [ResourceType.Seed, ResourceType.Model, ResourceType.Snapshot, ResourceType.Test, ResourceType.UnitTest];

    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("build", "Load seeds, build models and snapshots, and run their tests, in dependency order.");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddExecutionOptions(command);
        command.Options.Add(shared.Empty);
        shared.AddEventTimeOptions(command);
        shared.AddResourceTypeOptions(command);
        command.Options.Add(shared.IndirectSelection);
        command.Options.Add(shared.StoreFailures);
        command.SetAction(parse => Execute(InvocationOptions.From(parse, shared, environment, "build"), environment));
        return command;
    }

    private static int Execute(InvocationOptions options, CliEnvironment environment)
    {
        using var session = ProjectSession.Open(options, environment, openAhead: true);
        if (session is null) return ExitCodes.UsageOrProject;
        var types = ResourceTypeFilter.Apply(Built, options.ResourceTypes, options.ExcludeResourceTypes, environment);
        if (types is null) return ExitCodes.UsageOrProject;
        var selected = TestSelection.Select(session, environment, types);
        if (selected is null) return ExitCodes.UsageOrProject;
        var plan = BuildPlan.Create(session.Compiled!, selected);
        return new RunInvocation(session, environment).Run(plan.Order, plan.ParentsOf);
    }
}
