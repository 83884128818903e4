using System.Collections.Concurrent;
using System.CommandLine;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Runner.Cli;
using ModelForge.Runner.Connections.Adapters;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The whole-invocation memo of `forge compile`, `forge parse` and `forge ls` (one per command):
/// when everything the last successful invocation read (arguments, forge build, environment
/// variables, every file where the loader looks, the database catalog it asked about) and
/// everything it wrote is as it was, the command prints what it printed then and returns, touching
/// nothing. Anything different, unreadable or unverifiable means the full path; the memo is removed
/// first, so it only ever describes the outputs in place. FORGE_CACHE_TRACE=1 says on stderr
/// whether the memo was used, and why not ("compile memo: hit").
/// </summary>
internal sealed partial class InvocationMemo
{
    // A file written this close to the compile's start (or after) may have changed after the loader
    // read it: the memo is not written and the next compile is full. Linux, macOS and Windows file
    // systems keep sub-second times, whose clock lags by a few milliseconds; a time on a whole second
    // suggests one that keeps seconds (FAT, some network shares), where a later write can carry an
    // earlier time.
    private static readonly TimeSpan RacyWindow = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan CoarseRacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>The racy window for a time read from the file system: wider when it looks like a whole-second one.</summary>
    internal static TimeSpan RacyWindowFor(long ticks) => ticks % TimeSpan.TicksPerSecond == 0 ? CoarseRacyWindow : RacyWindow;

    private readonly CliEnvironment _original;
    private readonly ConcurrentDictionary<string, string?> _environment = new(StringComparer.Ordinal);
    private readonly List<PrintedText> _printed = [];
    private readonly ImpureReads _impure = new();
    private readonly long _startedTicks = DateTime.UtcNow.Ticks;
    private readonly string _key;
    private readonly bool _trace;
    private readonly string _command;
    private string? _memoPath;

    // The memo that failed verification, by scan: a scan whose listing still holds is recorded from it (only
    // files whose stamps differ are looked at), and hashes of files whose size and time are unchanged are taken from it.
    private Dictionary<Scan, RecordedScan>? _previous;
    private Dictionary<Scan, Dictionary<string, ScanEntry>>? _previousEntries;

    public InvocationMemo(ParseResult parse, CliEnvironment environment, string command)
    {
        _original = environment;
        _command = command;
        _trace = environment.GetEnvironmentVariable("FORGE_CACHE_TRACE") == "1";
        _key = KeyOf(parse, environment);
        Environment = environment with
        {
            Output = new CapturingWriter(environment.Output, false, _printed),
            Error = new CapturingWriter(environment.Error, true, _printed),
            GetEnvironmentVariable = Read,
            ImpureRead = _impure.Note,
        };
    }

    /// <summary>The environment the compile runs in: it records what is read and printed.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>
    /// Whether the command is likely to connect: false only when the last successful invocation's
    /// memo shows it read nothing from the database (no memo, no knowing: true).
    /// </summary>
    public bool MayConnect { get; private set; } = true;

    /// <summary>The exit code of a replayed invocation, or null when the full command must run.</summary>
    public int? TryReplay(InvocationOptions options)
    {
        if (_original.Retry is not null || options.StateDirectory is not null) return Miss("--state or retry reads a previous run");
        PhaseTimings.Mark("startup + command line");
        _memoPath = Path.Combine(PredictedTargetDirectory(options), MemoFile.NameFor(_command));
        // Read and stat'ed at process start when the prefetch looked here (its proofs, by scan).
        var prefetched = _original.MemoPrefetch?.Take(_memoPath);
        var memo = prefetched is { } early ? early.Memo : MemoFile.Read(_memoPath);
        _deltaAhead = prefetched?.Delta;
        PhaseTimings.Mark("read memo");
        if (memo is null) return Miss(File.Exists(_memoPath) ? "memo unreadable" : "no memo");
        MayConnect = memo.Scans.Any(s => s.Scan.Mode == ScanMode.DatabaseFile);
        var edits = memo.DeltaGeneration.Length > 0 ? new List<Edit>() : null;
        if (Verify(memo, prefetched?.Proofs, out var refreshed, edits) is { } changed)
        {
            MemoFile.Delete(_memoPath);
            _previous = memo.Scans.DistinctBy(s => s.Scan).ToDictionary(s => s.Scan);
            return Miss(changed);
        }
        if (edits is { Count: > 0 })
        {
            PhaseTimings.Mark("verify memo");
            if (TryDelta(memo, edits, out var why) is { } exit) return exit;
            // The full compile records from the memo as read: its edited entries still hold the old stamps, so they are looked at again.
            MemoFile.Delete(_memoPath);
            _previous = memo.Scans.DistinctBy(s => s.Scan).ToDictionary(s => s.Scan);
            return Miss(why);
        }
        // Touched files whose content is unchanged: remember their new times so they are not hashed again.
        PhaseTimings.Mark("verify memo");
        if (refreshed) memo.Write(_memoPath);
        foreach (var (error, text) in memo.Printed) (error ? _original.Error : _original.Output).Write(text);
        if (_trace) _original.Error.WriteLine($"{_command} memo: hit");
        return memo.ExitCode;
    }

    /// <summary>
    /// After the full command: writes the memo when it succeeded and every input can be vouched for;
    /// <paramref name="outputs"/> are what it wrote, relative to the target folder (a name ending in
    /// '/' is a folder, all of it). Returns <paramref name="exitCode"/>.
    /// </summary>
    public int Complete(int exitCode, ProjectSession? session, params string[] outputs)
    {
        if (_memoPath is null) return exitCode;
        var why = exitCode != ExitCodes.Success || session is null ? $"exit code {exitCode}" : Record(session, outputs);
        PhaseTimings.Mark("record memo");
        if (_trace) _original.Error.WriteLine(why is null ? $"{_command} memo: written" : $"{_command} memo: not written: {why}");
        return exitCode;
    }

    private int? Miss(string why)
    {
        if (_trace) _original.Error.WriteLine($"{_command} memo: miss: {why}");
        return null;
    }

    private string? Read(string name)
    {
        var value = _original.GetEnvironmentVariable(name);
        _environment.TryAdd(name, value);
        return value;
    }

    // Values are kept hashed: profiles read secrets (DBT_ENV_SECRET_*) that must not land in target/.
    private static string? Fingerprint(string? value) => value is null ? null : Scanner.HashText(value);

    // This build of forge: its two assemblies' module ids. The first read of a module id costs ~15 ms (metadata), as
    // does the first SHA-256 (the crypto library's start): WarmUp does both beside the main thread at process start.
    private static readonly Lazy<string> Build = new(() =>
        typeof(InvocationMemo).Assembly.ManifestModule.ModuleVersionId + "\u0001" + typeof(TemplateLimits).Assembly.ManifestModule.ModuleVersionId);

    /// <summary>Readies what a memo check needs first (the build's id, SHA-256), off the thread that calls it first.</summary>
    internal static void WarmUp()
    {
        _ = Build.Value;
        _ = Scanner.HashText("");
    }

    private static string PredictedTargetDirectory(InvocationOptions options) =>
        Path.GetFullPath(Path.Combine(options.ProjectDirectory, options.TargetPath ?? ProjectTargetPath.Read(options.ProjectDirectory) ?? "target"));

    // What decides the output besides files and environment variables: this build of forge, the
    // command line as typed, where it was typed, and the template limits read from the process.
    private static string KeyOf(ParseResult parse, CliEnvironment environment) => Scanner.HashText(string.Join('\u0001',
    [
        Build.Value,
        string.Join('\u0002', parse.Tokens.Select(t => t.Value)),
        environment.WorkingDirectory,
        environment.HomeDirectory ?? "",
        environment.IsTerminal ? "terminal" : "redirected",
        System.Environment.GetEnvironmentVariable(TemplateLimits.StepsVariable) ?? "",
        System.Environment.GetEnvironmentVariable(TemplateLimits.OutputVariable) ?? "",
    ]));
}
