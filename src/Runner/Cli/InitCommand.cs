using System.CommandLine;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>`forge init NAME`: a new project folder from the template embedded in forge.</summary>
internal static class InitCommand
{
    private const string ResourcePrefix = "project-template/";
    private const string NamePlaceholder = "__PROJECT_NAME__";

    public static Command Create(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Project name: letters, digits and underscores, not starting with a digit." };
        var command = new Command("init", "Create a new project folder from the starter template.") { name };
        command.SetAction(parse => Execute(parse.GetValue(name)!, environment));
        return command;
    }

    internal static int Execute(string name, CliEnvironment environment)
    {
        if (!IsValidName(name))
        {
            Report(environment, Diagnostic.Error(DiagnosticCodes.InvalidProjectName, $"'{name}' is not a valid project name",
                hint: "use letters, digits and underscores, starting with a letter, e.g. `forge init my_project`."));
            return ExitCodes.UsageOrProject;
        }
        var folder = environment.ResolvePath(name);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Report(environment, Diagnostic.Error(DiagnosticCodes.InitFolderNotEmpty, $"the folder '{folder}' already exists and is not empty",
                hint: "choose another name, or remove the folder first."));
            return ExitCodes.UsageOrProject;
        }

        var assembly = typeof(InitCommand).Assembly;
        var count = 0;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = resource[ResourcePrefix.Length..].Replace('\\', '/');
            var destination = Path.Combine(folder, relative);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                File.WriteAllText(destination, reader.ReadToEnd().Replace(NamePlaceholder, name, StringComparison.Ordinal));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(environment, Diagnostic.Error(DiagnosticCodes.CannotWriteFile, $"cannot write the new project: {e.Message}",
                    hint: "check that the folder is writable.") with { FilePath = destination });
                return ExitCodes.Failure;
            }
            count++;
        }
        environment.Output.WriteLine($"Created project '{name}' in {folder} ({count} files).");
        environment.Output.WriteLine($"Next: cd {name} && forge run");
        return ExitCodes.Success;
    }

    private static void Report(CliEnvironment environment, Diagnostic diagnostic) =>
        environment.Error.Write(DiagnosticPrinter.Format(diagnostic));

    private static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
