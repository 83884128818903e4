using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Execution.DataTests;

namespace ModelForge.Runner.Cli;

/// <summary>`forge test`: run the selected data tests (and the tests of selected models) against built relations.</summary>
internal static class TestCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("test", "Run data tests (generic tests from schema YAML, singular tests from the test paths) and unit tests.");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddExecutionOptions(command);
        command.Options.Add(shared.IndirectSelection);
        command.Options.Add(shared.StoreFailures);
        command.SetAction(parse => Execute(InvocationOptions.From(parse, shared, environment, "test"), environment));
        return command;
    }

    private static int Execute(InvocationOptions options, CliEnvironment environment)
    {
        using var session = ProjectSession.Open(options, environment, openAhead: true);
        if (session is null) return ExitCodes.UsageOrProject;
        var selected = TestSelection.Select(session, environment, new HashSet<ResourceType> { ResourceType.Test, ResourceType.UnitTest });
        if (selected is null) return ExitCodes.UsageOrProject;
        return new RunInvocation(session, environment).Run(selected);
    }
}
