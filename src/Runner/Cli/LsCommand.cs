using System.CommandLine;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Cli;

/// <summary>`forge ls`: the project's nodes, one per line, in dependency order.</summary>
internal static class LsCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("ls", "List the project's nodes (models, seeds, sources) in dependency order.");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        var resourceType = new Option<string[]>("--resource-type") { Description = "Only these types: model, seed, source, snapshot, test.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output") { Description = "name, path, selector or json.", DefaultValueFactory = _ => "selector" };
        output.OneOf("selector", "name", "path", "json");
        command.Options.Add(resourceType);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var options = InvocationOptions.From(parse, shared, environment, "ls");
            var session = ProjectSession.Open(options, environment);
            if (session is null) return ExitCodes.UsageOrProject;
            var types = parse.GetValue(resourceType) is { Length: > 0 } names
                ? ParseTypes(names, environment)
                : new HashSet<ResourceType> { ResourceType.Model, ResourceType.Seed, ResourceType.Source, ResourceType.Snapshot, ResourceType.Test, ResourceType.UnitTest };
            if (types is null) return ExitCodes.UsageOrProject;
            var format = parse.GetValue(output)!;
            var selected = NodeSelector.Select(session, environment, types);
            if (selected is null) return ExitCodes.UsageOrProject;
            foreach (var node in selected)
            {
                environment.Output.WriteLine(format switch
                {
                    "name" => node.Name,
                    "path" => node.Path,
                    "json" => $"{{\"unique_id\": \"{node.UniqueId}\", \"resource_type\": \"{node.ResourceType.ArtifactName()}\", \"path\": \"{node.Path}\"}}",
                    _ => string.Join('.', node.Fqn),
                });
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static HashSet<ResourceType>? ParseTypes(IEnumerable<string> names, CliEnvironment environment)
    {
        var types = new HashSet<ResourceType>();
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (Enum.TryParse<ResourceType>(name.Replace("_", ""), ignoreCase: true, out var type) && type is not (ResourceType.Yaml or ResourceType.Docs or ResourceType.Macro)) types.Add(type);
            else
            {
                environment.Error.WriteLine($"error {Compiler.Diagnostics.DiagnosticCodes.BadCommandLine}: unknown resource type '{name}'");
                environment.Error.WriteLine("  hint: use model, seed, source, snapshot, test, unit_test or analysis.");
                return null;
            }
        }
        return types;
    }
}
