using System.CommandLine;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Reporting;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge clone --state DIR` (dbt 1.6+): the selected models, seeds and snapshots get a relation in the
/// current target pointing at the one the state manifest recorded (e.g. a CI schema reading production).
/// </summary>
internal static class CloneCommand
{
    private static readonly HashSet<ResourceType> Cloned = [ResourceType.Model, ResourceType.Seed, ResourceType.Snapshot];

    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("clone", "Create relations in the target that point at the relations of a --state manifest (a zero-copy clone, else a view).");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddExecutionOptions(command);
        shared.AddResourceTypeOptions(command);
        command.SetAction(parse => Execute(InvocationOptions.From(parse, shared, environment, "clone"), environment));
        return command;
    }

    private static int Execute(InvocationOptions options, CliEnvironment environment)
    {
        if (options.StateDirectory is null)
        {
            DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Clone.NeedsState()]);
            return ExitCodes.UsageOrProject;
        }
        using var session = ProjectSession.Open(options, environment, openAhead: true);
        if (session is null) return ExitCodes.UsageOrProject;
        var types = ResourceTypeFilter.Apply(Cloned, options.ResourceTypes, options.ExcludeResourceTypes, environment);
        if (types is null) return ExitCodes.UsageOrProject;
        var selected = NodeSelector.Select(session, environment, types);
        if (selected is null) return ExitCodes.UsageOrProject;
        var state = session.Selection.State!.State;
        // Each clone reads only the state's relation, so nothing waits for anything (dbt clones in any order too).
        return new RunInvocation(session, environment).Run(selected, _ => [],
            resources => NodeExecutors.ForClone(session.Compiled!, resources, session.Project.Root, state, options.FullRefresh));
    }
}
