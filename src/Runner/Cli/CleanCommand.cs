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
            var root = Path.GetFullPath(session.Project.Root) + Path.DirectorySeparatorChar;
            foreach (var target in session.Project.ProjectFile.CleanTargets)
            {
                var path = session.PathOf(target);
                if (!path.StartsWith(root, StringComparison.Ordinal))
                {
                    DiagnosticPrinter.Print(environment.Error, [Diagnostic.Error(DiagnosticCodes.CannotWriteFile,
                        $"clean-target '{target}' is outside the project folder; it was not deleted",
                        hint: "list only folders inside the project under clean-targets") with { FilePath = session.Project.ProjectFile.Source.Path }]);
                    return ExitCodes.UsageOrProject;
                }
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
