using System.CommandLine;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Packages;

namespace ModelForge.Runner.Cli;

/// <summary>
/// `forge deps`: resolve packages.yml (or dependencies.yml) into package-lock.yml and install the
/// locked packages into packages-install-path, as `dbt deps` does.
/// </summary>
internal static class DepsCommand
{
    public static Command Create(SharedOptions shared, CliEnvironment environment)
    {
        var upgrade = new Option<bool>("--upgrade") { Description = "Resolve packages.yml again, ignoring package-lock.yml, and rewrite the lock." };
        var lockOnly = new Option<bool>("--lock") { Description = "Resolve and write package-lock.yml without installing anything." };
        var add = new Option<string?>("--add-package") { Description = "Add a package to packages.yml first, as NAME@VERSION (e.g. dbt-labs/dbt_utils@1.1.1)." };
        var source = new Option<string>("--source") { Description = "Where --add-package comes from: hub (default), git or local.", DefaultValueFactory = _ => "hub" };
        source.OneOf("hub", "git", "local");
        var command = new Command("deps", "Install the packages listed in packages.yml into dbt_packages/ (packages-install-path).");
        command.Options.Add(shared.ProjectDir);
        command.Options.Add(shared.Vars);
        command.Options.Add(upgrade);
        command.Options.Add(lockOnly);
        command.Options.Add(add);
        command.Options.Add(source);
        command.SetAction(parse => new DepsWorkflow(environment, new DepsOptions
        {
            ProjectDirectory = environment.ResolvePath(parse.GetValue(shared.ProjectDir)),
            Vars = parse.GetValue(shared.Vars),
            Upgrade = parse.GetValue(upgrade),
            LockOnly = parse.GetValue(lockOnly),
            AddPackage = parse.GetValue(add),
            Source = parse.GetValue(source) ?? "hub",
        }).Run());
        return command;
    }
}
