using System.CommandLine;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections;

namespace ModelForge.Runner.Cli;

/// <summary>`forge debug`: which project, profile and target are in use, and whether the connection works.</summary>
internal static class DebugCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("debug", "Show the project, profile and target in use and test the connection.");
        shared.AddProjectOptions(command);
        command.SetAction(parse =>
        {
            var output = environment.Output;
            output.WriteLine($"forge version: {ForgeVersion.Current}");
            var session = ProjectSession.Open(InvocationOptions.From(parse, shared, environment, "debug"), environment, compile: false);
            if (session is null) return ExitCodes.UsageOrProject;
            var project = session.Project;
            var target = project.Target;
            output.WriteLine($"project: {project.ProjectFile.Name} ({project.ProjectFile.Source.Path} in {project.Root})");
            output.WriteLine(project.ProfilesPath is { } profiles
                ? $"profile: {project.ProjectFile.Profile} ({profiles})"
                : $"profile: none found for '{project.ProjectFile.Profile}'; using the embedded DuckDB default");
            output.WriteLine($"target: {target.Name} (type {target.Type}, schema {target.Schema}, threads {target.Threads})");
            foreach (var line in Describe(target)) output.WriteLine($"  {line}");
            try
            {
                using var connection = ConnectionFactory.Open(target);
                output.WriteLine($"connection: OK ({ConnectionFactory.Describe(target)}, server version {connection.ServerVersion})");
                var failed = 0;
                foreach (var check in ConnectionFactory.Check(connection, target))
                {
                    output.WriteLine($"  {check.What}: {(check.Ok ? "OK" : "FAILED")}, {check.Found}");
                    if (!check.Ok) failed++;
                }
                if (failed == 0) return ExitCodes.Success;
                output.WriteLine($"checks: {failed} FAILED");
                return ExitCodes.Failure;
            }
            catch (DiagnosticException e)
            {
                output.WriteLine("connection: FAILED");
                DiagnosticPrinter.Print(environment.Error, [e.Diagnostic]);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    /// <summary>The target's settings with every secret masked.</summary>
    private static IEnumerable<string> Describe(TargetProfile target)
    {
        var adapter = Connections.Adapters.RunnerAdapters.Find(target);
        foreach (var (key, value) in target.Settings)
        {
            var shown = SettingText.Format(key, value);
            // A secret under a key that does not look secret (PWD, or inside another value) is masked too.
            if (adapter is not null) shown = adapter.ScrubSecrets(shown, target);
            yield return $"{key}: {shown}";
        }
    }
}
