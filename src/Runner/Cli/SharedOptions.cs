using System.CommandLine;

namespace ModelForge.Runner.Cli;

/// <summary>The options every project command shares, created once per command tree.</summary>
internal sealed class SharedOptions
{
    public SharedOptions()
    {
        LogFormat.OneOf("text", "json");
        LogLevel.OneOf("info", "debug", "warn", "error", "none");
        IndirectSelection.OneOf("eager", "cautious", "buildable", "empty");
    }

    public Option<string?> ProjectDir { get; } = new("--project-dir") { Description = "Folder that holds forge_project.yml (or dbt_project.yml). Default: the current folder." };

    public Option<string?> ProfilesDir { get; } = new("--profiles-dir") { Description = "Folder that holds profiles.yml. Default: $FORGE_PROFILES_DIR, the project folder, then ~/.forge/." };

    public Option<string?> Target { get; } = new("--target", "-t") { Description = "Target in the profile to use instead of its default." };

    public Option<string?> Vars { get; } = new("--vars") { Description = "Project variables as YAML or JSON, e.g. '{days: 3}'." };

    public Option<string[]> Select { get; } = new("--select", "-s") { Description = "Nodes to include: names, tag:x, path:dir, config.materialized:table, state:modified, +x, x+, @x; space = union, comma = intersection.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Nodes to leave out.", AllowMultipleArgumentsPerToken = true };

    public Option<string?> Selector { get; } = new("--selector") { Description = "A named selector from selectors.yml." };

    public Option<string?> State { get; } = new("--state") { Description = "Folder with the manifest.json (and run_results.json) of a previous run, for state: and result: selectors and --defer." };

    public Option<bool> Defer { get; } = new("--defer") { Description = "With --state: refs to models that are not selected read the relations of the state manifest." };

    public Option<string> LogFormat { get; } = new("--log-format") { Description = "text (default) or json: one JSON event per line.", DefaultValueFactory = _ => "text" };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours, even on a terminal." };

    public WholeNumberOption Threads { get; } = new("--threads", "Nodes to run at once. Default: the target's threads.", 1, int.MaxValue, "a whole number from 1 up", "4");

    public Option<bool> FullRefresh { get; } = new("--full-refresh") { Description = "Rebuild incremental models and seeds from scratch." };

    public Option<bool> Empty { get; } = new("--empty") { Description = "Read no rows: refs and sources become zero-row subqueries, so relations are built with their columns only." };

    public Option<bool> FailFast { get; } = new("--fail-fast", "-x") { Description = "Stop at the first failure." };

    public Option<bool> StoreFailures { get; } = new("--store-failures") { Description = "Tests keep their failing rows in <schema>_dbt_test__audit, unless their store_failures config says otherwise." };

    public Option<string?> EventTimeStart { get; } = new("--event-time-start") { Description = "Microbatch models build batches from this date or timestamp (UTC): a backfill." };

    public Option<string?> EventTimeEnd { get; } = new("--event-time-end") { Description = "Microbatch models build batches up to this date or timestamp (UTC), exclusive. Default: now." };

    /// <summary>The backfill range of microbatch models (run and build).</summary>
    public void AddEventTimeOptions(Command command)
    {
        command.Options.Add(EventTimeStart);
        command.Options.Add(EventTimeEnd);
    }

    public Option<string?> Profile { get; } = new("--profile") { Description = "Profile in profiles.yml to use instead of the project file's `profile:`." };

    public Option<string?> TargetPath { get; } = new("--target-path") { Description = "Folder for artifacts (compiled SQL, manifest.json, run_results.json) instead of the project file's target-path." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors (and what the command exists to print, such as `forge ls`)." };

    public Option<string> LogLevel { get; } = new("--log-level") { Description = "Console detail: debug, info (default), warn, error or none." };

    public Option<bool> Debug { get; } = new("--debug", "-d") { Description = "Same as --log-level debug." };

    public Option<bool> WarnError { get; } = new("--warn-error") { Description = "Treat every warning as an error (a warning test fails)." };

    public Option<string?> WarnErrorOptions { get; } = new("--warn-error-options") { Description = "Which warnings become errors, as YAML or JSON: '{\"error\": \"all\" or [codes], \"warn\": [codes]}'." };

    public Option<string[]> ResourceType { get; } = new("--resource-type") { Description = "Only nodes of these types: model, test, unit_test, seed, snapshot, source, analysis, exposure, metric, semantic_model, saved_query, all.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> ExcludeResourceType { get; } = new("--exclude-resource-type") { Description = "Leave out nodes of these types.", AllowMultipleArgumentsPerToken = true };

    public Option<string> IndirectSelection { get; } = new("--indirect-selection") { Description = "Which tests of selected nodes run too: eager (default), cautious, buildable or empty." };

    public void AddProjectOptions(Command command)
    {
        command.Options.Add(ProjectDir);
        command.Options.Add(ProfilesDir);
        command.Options.Add(Profile);
        command.Options.Add(Target);
        command.Options.Add(Vars);
        command.Options.Add(TargetPath);
    }

    /// <summary>
    /// Flags dbt takes before or after the command (`dbt --debug run`, `dbt run -q`): on the root,
    /// recursive, so every command accepts them in either place.
    /// </summary>
    public void AddGlobalOptions(RootCommand root)
    {
        foreach (var option in (Option[])[Quiet, LogLevel, Debug, WarnError, WarnErrorOptions])
        {
            option.Recursive = true;
            root.Options.Add(option);
        }
    }

    public void AddResourceTypeOptions(Command command)
    {
        command.Options.Add(ResourceType);
        command.Options.Add(ExcludeResourceType);
    }

    public void AddSelectionOptions(Command command)
    {
        command.Options.Add(Select);
        command.Options.Add(Exclude);
        command.Options.Add(Selector);
        command.Options.Add(State);
    }

    public void AddExecutionOptions(Command command)
    {
        command.Options.Add(Threads.Option);
        command.Options.Add(FullRefresh);
        command.Options.Add(FailFast);
        command.Options.Add(Defer);
        command.Options.Add(LogFormat);
        command.Options.Add(NoColor);
    }
}
