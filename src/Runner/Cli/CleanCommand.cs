using System.CommandLine;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>`forge clean`: delete the project's clean-targets (target/ by default), never outside the project.</summary>
internal static class CleanCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var command = new Command("clean", "Delete the folders listed in clean-targets (target/ by default).");
        shared.AddProjectOptions(command);
        command.SetAction(parse =>
        {
            var session = ProjectSession.Open(InvocationOptions.From(parse, shared, environment, "clean"), environment, compile: false);
            if (session is null) return ExitCodes.UsageOrProject;
            // Every entry is checked before the first delete: a bad entry must not follow a good one's deletion.
            if (CleanTargetGuard.Check(session.Project) is { Count: > 0 } unsafeTargets)
            {
                DiagnosticPrinter.Print(environment.Error, unsafeTargets);
                return ExitCodes.UsageOrProject;
            }
            foreach (var target in session.Project.ProjectFile.CleanTargets)
            {
                var path = session.PathOf(target);
                if (!Directory.Exists(path)) continue;
                try
                {
                    Directory.Delete(path, recursive: true);
                    environment.Output.WriteLine($"Cleaned {target}/");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    DiagnosticPrinter.Print(environment.Error, [Diagnostic.Error(DiagnosticCodes.CannotWriteFile, $"cannot delete {target}/: {e.Message}",
                        hint: "close programs that hold files in it open and try again") with { FilePath = target }]);
                    return ExitCodes.Failure;
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
