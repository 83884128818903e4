using System.CommandLine;
using System.Text.Json;
using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation.Delta;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Execution;
using ModelForge.Runner.Reporting;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge parse` (dbt parse): load and compile the project without connecting, write
/// manifest.json and perf_info.json (how long each stage took), and print a short timing summary.
/// </summary>
internal static class ParseCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("parse", "Load and check the project without connecting; write manifest.json and perf_info.json.");
        shared.AddProjectOptions(command);
        command.SetAction(parse =>
        {
            var memo = new Memo.InvocationMemo(parse, environment, "parse");
            var options = InvocationOptions.From(parse, shared, memo.Environment, "parse");
            if (memo.TryReplay(options) is { } replayed) return replayed;
            var exit = Execute(options, memo.Environment, out var session, out var snapshot);
            // Waited for either way: a write cut short by the process's exit would leave its temporary file behind.
            var generation = snapshot?.Result;
            memo.DeltaGeneration = exit == ExitCodes.Success ? generation : null;
            return memo.Complete(exit, session, "manifest.json", "perf_info.json");
        });
        return command;
    }

    // Returns through `parsed` the session it parsed, for the memo, and the delta snapshot it writes beside the manifest.
    private static int Execute(InvocationOptions options, CliEnvironment environment, out ProjectSession? parsed, out Task<string?>? snapshot)
    {
        snapshot = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var session = parsed = ProjectSession.Open(options, environment);
        if (session is null) return ExitCodes.UsageOrProject;
        snapshot = Task.Run(() => DeltaFor(session));
        var project = session.Compiled!;
        var opened = clock.Elapsed;
        var targetPath = session.Project.ProjectFile.TargetPath;
        try
        {
            // The index lets the next parse after an edit of models alone patch the manifest (Memo/InvocationMemo.Delta.cs).
            var index = new ManifestIndexRecorder();
            CacheFile.Delete(Path.Combine(session.TargetDirectory, ManifestIndex.FileName));
            using (var file = AtomicFile.Create(Path.Combine(session.TargetDirectory, "manifest.json")))
            {
                ManifestWriter.Write(file.Stream, project, project.Options.InvocationId, DateTimeOffset.UtcNow, null, null, index: index);
                file.Complete();
            }
            index.Index?.TryWrite(session.TargetDirectory);
            var written = clock.Elapsed - opened;
            using (var file = AtomicFile.Create(Path.Combine(session.TargetDirectory, "perf_info.json")))
            {
                WritePerfInfo(file.Stream, session, written);
                file.Complete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.Print(environment.Error, [ArtifactFiles.Unwritable($"{targetPath}/manifest.json", e)]);
            return ExitCodes.UsageOrProject;
        }
        if (options.LogLevel <= LogLevel.Info)
        {
            var nodes = project.Nodes.Values.Count(n => n.ResourceType != ResourceType.Source);
            environment.Output.WriteLine($"Parsed {session.Project.Files.All.Count} files ({nodes} nodes, {project.Nodes.Count - nodes} sources) in {Seconds(clock.Elapsed)}s: "
                + $"load {Seconds(session.LoadElapsed)}s, compile {Seconds(session.CompileElapsed)}s.");
            environment.Output.WriteLine($"Wrote {targetPath}/manifest.json and {targetPath}/perf_info.json.");
        }
        return ExitCodes.Success;
    }

    // What the next parse needs to take an edit of model files alone (Compilation/Delta): every model's shape.
    private static string? DeltaFor(ProjectSession session) =>
        DeltaSnapshot.Write(Path.Combine(session.TargetDirectory, DeltaSnapshot.FileNameFor("parse")), session.Compiled!, session.Compiled!.Nodes.Values, renders: false);

    // dbt's perf_info.json names, where forge has the same stage; forge has no partial parsing.
    private static void WritePerfInfo(Stream stream, ProjectSession session, TimeSpan manifestElapsed)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("path_count", session.Project.Files.All.Count);
        json.WriteNumber("parsed_path_count", session.Project.Files.All.Count);
        json.WriteBoolean("is_partial_parse_enabled", false);
        json.WriteNumber("read_files_elapsed", session.LoadElapsed.TotalSeconds);
        json.WriteNumber("parse_project_elapsed", session.CompileElapsed.TotalSeconds);
        json.WriteNumber("write_manifest_elapsed", manifestElapsed.TotalSeconds);
        json.WriteNumber("load_all_elapsed", (session.LoadElapsed + session.CompileElapsed + manifestElapsed).TotalSeconds);
        json.WriteStartArray("projects");
        json.WriteStartObject();
        json.WriteString("project_name", session.Compiled!.Name);
        json.WriteNumber("elapsed", (session.LoadElapsed + session.CompileElapsed).TotalSeconds);
        json.WriteStartArray("parsers");
        foreach (var group in session.Project.Files.All.GroupBy(f => f.ResourceType).OrderBy(g => g.Key))
        {
            json.WriteStartObject();
            json.WriteString("parser", group.Key.ToString().ToLowerInvariant());
            json.WriteNumber("path_count", group.Count());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
