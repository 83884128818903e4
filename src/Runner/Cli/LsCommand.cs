using System.CommandLine;
using System.Text.Json;
using ModelForge.Compiler.Compilation.Delta;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution.DataTests;

namespace ModelForge.Runner.Cli;

/// <summary>`forge ls` (or `forge list`, dbt's name): the project's nodes, one per line, in dependency order.</summary>
internal static class LsCommand
{
    // Made when ls runs, not when the command line is built for any command (generic code over an enum is compiled at run time).
    private static HashSet<ResourceType> Listed() =>
        Enum.GetValues<ResourceType>().Where(t => t is not (ResourceType.Yaml or ResourceType.Docs or ResourceType.Macro)).ToHashSet();

    // The keys dbt's `list --output json` prints, in the order it documents them; --output-keys picks among them.
    private static readonly string[] JsonKeys =
        ["name", "resource_type", "package_name", "original_file_path", "unique_id", "alias", "config", "tags", "depends_on", "source_name"];

    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("ls", "List the project's nodes (models, tests, seeds, snapshots, sources, analyses) in dependency order.");
        command.Aliases.Add("list");
        shared.AddProjectOptions(command);
        shared.AddSelectionOptions(command);
        shared.AddResourceTypeOptions(command);
        command.Options.Add(shared.IndirectSelection);
        var output = new Option<string>("--output", "-o") { Description = "selector (default), name, path or json.", DefaultValueFactory = _ => "selector" };
        output.OneOf("selector", "name", "path", "json");
        var outputKeys = new Option<string[]>("--output-keys") { Description = $"With --output json, only these keys: {string.Join(", ", JsonKeys)}.", AllowMultipleArgumentsPerToken = true };
        command.Options.Add(output);
        command.Options.Add(outputKeys);
        command.SetAction(parse =>
        {
            var memo = new Memo.InvocationMemo(parse, environment, "ls");
            var options = InvocationOptions.From(parse, shared, memo.Environment, "ls");
            if (memo.TryReplay(options) is { } replayed) return replayed;
            var exit = List(parse, options, memo.Environment, out var session, out var snapshot);
            // Waited for either way: a write cut short by the process's exit would leave its temporary file behind.
            var generation = snapshot?.Result;
            memo.DeltaGeneration = exit == ExitCodes.Success ? generation : null;
            return memo.Complete(exit, session);
        });
        return command;

        // Returns through `opened` the session it listed, for the memo, and the delta snapshot it writes while listing.
        int List(ParseResult parse, InvocationOptions options, CliEnvironment environment, out ProjectSession? opened, out Task<string?>? snapshot)
        {
            opened = null;
            snapshot = null;
            var keys = Keys(parse.GetValue(outputKeys), environment);
            if (keys is null) return ExitCodes.UsageOrProject;
            var session = opened = ProjectSession.Open(options, environment);
            if (session is null) return ExitCodes.UsageOrProject;
            // What the next ls needs to take an edit of model files alone (Compilation/Delta): every model's shape.
            snapshot = Task.Run(() => DeltaSnapshot.Write(Path.Combine(session.TargetDirectory, DeltaSnapshot.FileNameFor("ls")), session.Compiled!, session.Compiled!.Nodes.Values, renders: false));
            var types = ResourceTypeFilter.Apply(Listed(), options.ResourceTypes, options.ExcludeResourceTypes, environment);
            if (types is null) return ExitCodes.UsageOrProject;
            // As dbt's list: the tests of selected nodes are listed too (--indirect-selection).
            var selected = TestSelection.Select(session, environment, types);
            if (selected is null) return ExitCodes.UsageOrProject;
            var format = parse.GetValue(output)!;
            foreach (var node in selected)
            {
                environment.Output.WriteLine(format switch
                {
                    // dbt's search_name: a model version is listed as name.v<v>.
                    "name" => node.Version is { } v ? $"{node.Name}.v{v}" : node.Name,
                    "path" => node.OriginalFilePath ?? node.Path,
                    "json" => Json(session.Compiled!, node, keys),
                    _ => string.Join('.', node.Fqn),
                });
            }
            return ExitCodes.Success;
        }
    }

    private static string[]? Keys(string[]? given, CliEnvironment environment)
    {
        var keys = given?.SelectMany(k => k.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() ?? [];
        if (keys.FirstOrDefault(k => !JsonKeys.Contains(k)) is { } unknown)
        {
            DiagnosticPrinter.Print(environment.Error, [DiagnosticCodes.Commands.UnknownOutputKey(unknown, JsonKeys)]);
            return null;
        }
        return keys.Length > 0 ? keys : JsonKeys;
    }

    // One line per node, the keys taken from the node's manifest entry so both always agree.
    private static string Json(CompiledProject project, ProjectNode node, string[] keys)
    {
        var entry = (IReadOnlyDictionary<string, object?>)project.GraphNodes[node.UniqueId]!;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var key in keys)
            {
                if (!entry.TryGetValue(key, out var value)) continue;
                json.WritePropertyName(key);
                JsonValueWriter.Write(json, value);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
