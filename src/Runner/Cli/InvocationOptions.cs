using System.CommandLine;

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

    /// <summary>--event-time-start / --event-time-end as typed; checked when the session opens.</summary>
    public string? EventTimeStart { get; init; }

    public string? EventTimeEnd { get; init; }

    /// <summary>
    /// Microbatch unique id → the batches to run instead of the planned ones. Set by <c>forge retry</c>
    /// from the previous run_results.json (see <see cref="Execution.FailedBatches.Read"/>); no flag sets it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow>> MicrobatchBatches { get; init; } =
        new Dictionary<string, IReadOnlyList<Compiler.Compilation.Microbatch.MicrobatchWindow>>();

    public static InvocationOptions From(ParseResult parse, SharedOptions shared, CliEnvironment environment, string command) => new()
    {
        Command = command,
        ProjectDirectory = environment.ResolvePath(parse.GetValue(shared.ProjectDir)),
        ProfilesDirectory = parse.GetValue(shared.ProfilesDir) is { } profiles ? environment.ResolvePath(profiles) : null,
        Target = parse.GetValue(shared.Target),
        Vars = parse.GetValue(shared.Vars),
        Select = SplitNames(parse.GetValue(shared.Select)),
        Exclude = SplitNames(parse.GetValue(shared.Exclude)),
        Selector = parse.GetValue(shared.Selector),
        StateDirectory = parse.GetValue(shared.State) is { } state ? environment.ResolvePath(state) : null,
        Defer = parse.GetValue(shared.Defer),
        LogFormat = parse.GetValue(shared.LogFormat) ?? "text",
        NoColor = parse.GetValue(shared.NoColor),
        Threads = parse.GetValue(shared.Threads),
        FullRefresh = parse.GetValue(shared.FullRefresh),
        FailFast = parse.GetValue(shared.FailFast),
        EventTimeStart = parse.GetValue(shared.EventTimeStart),
        EventTimeEnd = parse.GetValue(shared.EventTimeEnd),
    };

    // dbt accepts both `-s a b` and `-s "a b"`.
    private static string[] SplitNames(string[]? values) =>
        values is null ? [] : values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
