using System.CommandLine;
using ModelForge.Runner.Reporting;

namespace ModelForge.Runner.Cli;

/// <summary>The parsed options of one project command.</summary>
internal sealed record InvocationOptions
{
    public required string Command { get; init; }

    public required string ProjectDirectory { get; init; }

    public string? ProfilesDirectory { get; init; }

    public string? Target { get; init; }

    public string? Vars { get; init; }

    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? Selector { get; init; }

    /// <summary>--state, resolved to an absolute folder.</summary>
    public string? StateDirectory { get; init; }

    public bool Defer { get; init; }

    /// <summary>text or json.</summary>
    public string LogFormat { get; init; } = "text";

    public bool NoColor { get; init; }

    public int? Threads { get; init; }

    public bool FullRefresh { get; init; }

    public bool FailFast { get; init; }

    /// <summary>--empty (DBT_EMPTY / FORGE_EMPTY); only run, build and compile take it, as in dbt.</summary>
    public bool Empty { get; init; }

    /// <summary>--store-failures (test, build): tests without their own store_failures config keep their failing rows.</summary>
    public bool StoreFailures { get; init; }

    /// <summary>--profile: the profile to read instead of the project file's.</summary>
    public string? Profile { get; init; }

    /// <summary>--target-path, relative to the project: where artifacts go instead of the project file's target-path.</summary>
    public string? TargetPath { get; init; }

    /// <summary>What the console shows: none, error, warn, info or debug (-q is error, --debug is debug).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    public bool WarnError { get; init; }

    /// <summary>--warn-error-options, as given (YAML or JSON).</summary>
    public string? WarnErrorOptions { get; init; }

    public IReadOnlyList<string> ResourceTypes { get; init; } = [];

    public IReadOnlyList<string> ExcludeResourceTypes { get; init; } = [];

    /// <summary>eager, cautious, buildable or empty.</summary>
    public string IndirectSelection { get; init; } = "eager";

    /// <summary>The command line as given (after `forge`), for run_results.json and `forge retry`.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables with values their flag would refuse; the command stops with these (exit 2).</summary>
    public IReadOnlyList<Compiler.Diagnostics.Diagnostic> Problems { get; init; } = [];

    /// <summary>--event-time-start / --event-time-end as typed; checked when the session opens.</summary>
    public string? EventTimeStart { get; init; }

    public string? EventTimeEnd { get; init; }

    /// <summary>
    /// Microbatch unique id → the batches to run instead of the planned ones. Set by <c>forge retry</c>
    /// from the previous run_results.json (see <see cref="Execution.FailedBatches.Read"/>); no flag sets it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow>> MicrobatchBatches { get; init; } =
        new Dictionary<string, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow>>();

    // One of the choices above (the option's parser and FlagDefaults.Choice let no other through). A switch, not
    // Enum.Parse<LogLevel>: that is compiled at run time in every precompiled forge process.
    private static LogLevel LogLevelNamed(string name) => name.ToLowerInvariant() switch
    {
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warn,
        "error" => LogLevel.Error,
        "none" => LogLevel.None,
        _ => LogLevel.Info,
    };

    public static InvocationOptions From(ParseResult parse, SharedOptions shared, CliEnvironment environment, string command)
    {
        var flags = new FlagDefaults(parse, environment);
        var logLevel = flags.Bool(shared.Debug, "DEBUG") ? LogLevel.Debug
            : flags.Bool(shared.Quiet, "QUIET") ? LogLevel.Error
            : LogLevelNamed(flags.Choice(shared.LogLevel, "LOG_LEVEL", "info", "debug", "warn", "error", "none") ?? "info");
        return new()
        {
            Command = command,
            ProjectDirectory = environment.ResolvePath(flags.String(shared.ProjectDir, "PROJECT_DIR")),
            ProfilesDirectory = parse.GetValue(shared.ProfilesDir) is { } profiles ? environment.ResolvePath(profiles) : null,
            Profile = flags.String(shared.Profile, "PROFILE"),
            Target = flags.String(shared.Target, "TARGET"),
            TargetPath = flags.String(shared.TargetPath, "TARGET_PATH"),
            Vars = parse.GetValue(shared.Vars),
            Select = SplitNames(parse.GetValue(shared.Select)),
            Exclude = SplitNames(parse.GetValue(shared.Exclude)),
            Selector = parse.GetValue(shared.Selector),
            StateDirectory = flags.String(shared.State, "STATE") is { } state ? environment.ResolvePath(state) : null,
            Defer = flags.Bool(shared.Defer, "DEFER"),
            LogFormat = flags.Choice(shared.LogFormat, "LOG_FORMAT", "text", "json") ?? "text",
            NoColor = parse.GetValue(shared.NoColor),
            Threads = shared.Threads.ValueIn(parse),
            FullRefresh = flags.Bool(shared.FullRefresh, "FULL_REFRESH"),
            FailFast = flags.Bool(shared.FailFast, "FAIL_FAST"),
            Empty = command is "run" or "build" or "compile" && flags.Bool(shared.Empty, "EMPTY"),
            StoreFailures = flags.Bool(shared.StoreFailures, "STORE_FAILURES"),
            LogLevel = logLevel,
            WarnError = flags.Bool(shared.WarnError, "WARN_ERROR"),
            WarnErrorOptions = flags.String(shared.WarnErrorOptions, "WARN_ERROR_OPTIONS"),
            ResourceTypes = SplitNames(parse.GetValue(shared.ResourceType)),
            ExcludeResourceTypes = SplitNames(parse.GetValue(shared.ExcludeResourceType)),
            IndirectSelection = flags.Choice(shared.IndirectSelection, "INDIRECT_SELECTION", "eager", "cautious", "buildable", "empty") ?? "eager",
            EventTimeStart = parse.GetValue(shared.EventTimeStart),
            EventTimeEnd = parse.GetValue(shared.EventTimeEnd),
            MicrobatchBatches = environment.Retry?.FailedBatches ?? new Dictionary<string, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow>>(),
            Problems = flags.Problems,
            Arguments = parse.Tokens.Select(t => t.Value).ToList(),
        };
    }

    /// <summary>
    /// run_results.json's <c>args</c>, with dbt's key names where dbt has the flag; <c>forge_args</c>
    /// is the command line itself, which `forge retry` replays.
    /// </summary>
    public Dictionary<string, object?> ToArgs() => new(StringComparer.Ordinal)
    {
        ["which"] = Command,
        ["project_dir"] = ProjectDirectory,
        ["target"] = Target,
        ["select"] = Select.Cast<object?>().ToList(),
        ["exclude"] = Exclude.Cast<object?>().ToList(),
        ["selector"] = Selector,
        ["state"] = StateDirectory,
        ["defer"] = Defer,
        ["threads"] = Threads,
        ["full_refresh"] = FullRefresh,
        ["fail_fast"] = FailFast,
        ["empty"] = Empty,
        ["store_failures"] = StoreFailures,
        ["vars"] = Vars,
        ["warn_error"] = WarnError,
        ["warn_error_options"] = WarnErrorOptions,
        ["indirect_selection"] = IndirectSelection,
        ["resource_types"] = ResourceTypes.Cast<object?>().ToList(),
        ["exclude_resource_types"] = ExcludeResourceTypes.Cast<object?>().ToList(),
        ["log_level"] = LogLevel.ToString().ToLowerInvariant(),
        ["forge_args"] = Arguments.Cast<object?>().ToList(),
    };

    // dbt accepts both `-s a b` and `-s "a b"`.
    private static string[] SplitNames(string[]? values) =>
        values is null ? [] : values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
