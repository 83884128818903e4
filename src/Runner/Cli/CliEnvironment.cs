namespace ModelForge.Runner.Cli;

/// <summary>
/// Everything a command touches outside its arguments, injected so tests run `forge` in-process:
/// the writers (never Console directly), the working folder, environment variables and home.
/// </summary>
internal sealed record CliEnvironment
{
    public required TextWriter Output { get; init; }

    public required TextWriter Error { get; init; }

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string? HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Told each impure context value a template reads (the compile memo listens); null: nobody asks.</summary>
    public Action<string>? ImpureRead { get; init; }

    /// <summary>Cancelled by Ctrl-C in the real process.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>True when Output is a terminal (not redirected): only then does text output use colours.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Set while `forge retry` replays a previous invocation: what failed there, including the
    /// failed microbatch windows (<see cref="PreviousRun.FailedBatches"/>) a model rebuilds.
    /// </summary>
    public PreviousRun? Retry { get; init; }

    /// <summary>The memo check begun at process start for this invocation (<see cref="Memo.MemoPrefetch"/>); null: none.</summary>
    public Memo.MemoPrefetch? MemoPrefetch { get; init; }

    /// <summary>This environment, replaying <paramref name="previous"/>.</summary>
    public CliEnvironment Retrying(PreviousRun previous) => this with { Retry = previous };

    /// <param name="output">Standard output as the process writes it (Program: a <see cref="Reporting.BatchingWriter"/>).</param>
    /// <param name="error">Standard error as the process writes it (Program: an <see cref="Reporting.OrderedWriter"/>).</param>
    public static CliEnvironment FromConsole(CancellationToken cancellation, TextWriter output, TextWriter error) => new()
    {
        IsTerminal = !Console.IsOutputRedirected,
        Output = output,
        Error = error,
        Cancellation = cancellation,
    };

    public string ResolvePath(string? path) =>
        Path.GetFullPath(string.IsNullOrEmpty(path) ? WorkingDirectory : Path.Combine(WorkingDirectory, path));
}
