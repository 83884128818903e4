using System.CommandLine;

namespace ModelForge.Runner.Cli;

/// <summary>Builds the `forge` command tree and runs one invocation. Usage errors exit with 2.</summary>
internal static class ForgeCli
{
    // Response files are off: dbt's `@` selector operator (`-s @stg_orders`) starts a word with @,
    // which System.CommandLine would otherwise read as the name of a file of arguments.
    private static readonly ParserConfiguration ParserConfiguration = new() { ResponseFileTokenReplacer = null };

    public static int Run(string[] args, CliEnvironment environment)
    {
        // The memo's stats run beside the building of the command tree below.
        if (environment.MemoPrefetch is null) environment = environment with { MemoPrefetch = Memo.MemoPrefetch.Start(args, environment.WorkingDirectory, environment.GetEnvironmentVariable) };
        var shared = new SharedOptions();
        var root = new RootCommand("ModelForge: compile, run and test SQL transformation projects (dbt-compatible).");
        shared.AddGlobalOptions(root);
        root.Subcommands.Add(InitCommand.Create(environment));
        root.Subcommands.Add(DebugCommand.Create(shared, environment));
        root.Subcommands.Add(CompileCommand.Create(shared, environment));
        root.Subcommands.Add(RunCommand.Create(shared, environment));
        root.Subcommands.Add(TestCommand.Create(shared, environment));
        root.Subcommands.Add(BuildCommand.Create(shared, environment));
        root.Subcommands.Add(SeedCommand.Create(shared, environment));
        root.Subcommands.Add(SourceCommand.Create(shared, environment));
        root.Subcommands.Add(SnapshotCommand.Create(shared, environment));
        root.Subcommands.Add(ShowCommand.Create(shared, environment));
        root.Subcommands.Add(RunOperationCommand.Create(shared, environment));
        root.Subcommands.Add(LsCommand.Create(shared, environment));
        root.Subcommands.Add(ParseCommand.Create(shared, environment));
        root.Subcommands.Add(RetryCommand.Create(shared, environment));
        root.Subcommands.Add(CloneCommand.Create(shared, environment));
        root.Subcommands.Add(CleanCommand.Create(shared, environment));
        root.Subcommands.Add(DepsCommand.Create(shared, environment));
        root.Subcommands.Add(DocsCommand.Create(shared, environment));
        root.SetAction(parse =>
        {
            environment.Error.WriteLine("error: no command given");
            environment.Error.WriteLine("  hint: run `forge --help` to see the commands, e.g. `forge run`.");
            return ExitCodes.UsageOrProject;
        });

        var parsed = root.Parse(args, ParserConfiguration);
        if (UsageChecker.Find(parsed) is { } usage)
        {
            usage.Print(environment.Error);
            return ExitCodes.UsageOrProject;
        }
        return parsed.Invoke(new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            // Bugs should surface with their trace; every user error is handled before this point.
            EnableDefaultExceptionHandler = false,
        });
    }
}
