using ModelForge.Compiler.Artifacts;
using ModelForge.Compiler.Compilation.Delta;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Cli;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The first, read-only half of a memo check started at process start, on a thread of its own: the memo
/// read and every scan's stat proof (<see cref="ScanProof.Differences"/>), which are system calls on
/// ~30,000 files at 10,000 models, run while the main thread builds the command line and its options.
/// Where the memo lives is guessed from the raw arguments (the command, --project-dir, --target-path and
/// their environment variables); <see cref="InvocationMemo"/> takes the result only for the path it works
/// out itself, so a wrong guess costs the work done, never a wrong answer. Stats taken a little earlier
/// prove the same thing: nothing of the project is read or written by then.
/// </summary>
internal sealed class MemoPrefetch
{
    private readonly Func<string?> _guess;
    private readonly string _command;
    private string? _memoPath;
    private readonly Thread _thread;
    private MemoFile? _memo;
    private List<ScanProof.Differing>?[]? _proofs;
    private Task<DeltaAhead?>? _delta;
    private SharedProofs? _shared;
    private bool _failed;
    private int _taken;

    /// <summary>
    /// What a delta reads before it renders, read beside the outputs' stats once an input's stats differ (or a folder of
    /// inputs changed): the
    /// snapshot of the memo's generation, the manifest's index (compile, parse; still being read, with the patch's first
    /// calls, while the delta renders), and a renderer with the macro files as they are loaded (for an edit of models
    /// alone), whose reads of environment variables go where <see cref="Variables"/> is pointed.
    /// </summary>
    public sealed record DeltaAhead(DeltaSnapshot Snapshot, Task<ManifestIndex?>? Index, DeltaRenderer Renderer, VariableForward Variables);

    // The place is guessed on the prefetch's thread too: reading the project file is not for the main thread's time.
    private MemoPrefetch(string command, Func<string?> guess)
    {
        _guess = guess;
        _command = command;
        _thread = new Thread(Run) { IsBackground = true, Name = "forge memo prefetch" };
    }

    /// <summary>A prefetch for `forge compile`, `parse` or `ls`, started; null for any other command.</summary>
    public static MemoPrefetch? Start(IReadOnlyList<string> args, string workingDirectory, Func<string, string?> variable)
    {
        if (args.Count == 0 || args[0] is not ("compile" or "parse" or "ls")) return null;
        var projectDirectory = Flag(args, "--project-dir") ?? FlagDefaults.Variable(variable, "PROJECT_DIR")?.Value ?? "";
        var targetPath = Flag(args, "--target-path") ?? FlagDefaults.Variable(variable, "TARGET_PATH")?.Value;
        var prefetch = new MemoPrefetch(args[0], () => MemoPathFor(args[0], workingDirectory, projectDirectory, targetPath));
        prefetch._thread.Start();
        Task.Run(InvocationMemo.WarmUp);
        return prefetch;
    }

    // Where the memo would be; null when the guess cannot even be made (a path the system refuses).
    private static string? MemoPathFor(string command, string workingDirectory, string projectDirectory, string? targetPath)
    {
        try
        {
            var project = Path.GetFullPath(Path.Combine(workingDirectory, projectDirectory));
            var target = targetPath ?? ProjectTargetPath.Read(project) ?? "target";
            return Path.Combine(Path.GetFullPath(Path.Combine(project, target)), MemoFile.NameFor(command));
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The memo at <paramref name="memoPath"/> with each scan's stat proof (index-aligned with its scans),
    /// once the prefetch is done; null when it looked elsewhere, failed, or was taken before (the caller reads itself).
    /// </summary>
    /// <remarks><c>Delta</c>: what a delta reads first, being read (null inside: the snapshot is not the memo's), or null when no input's stats differed.</remarks>
    public (MemoFile? Memo, List<ScanProof.Differing>?[]? Proofs, Task<DeltaAhead?>? Delta)? Take(string memoPath)
    {
        if (Interlocked.Exchange(ref _taken, 1) != 0) return null;
        // Nothing else to do here but wait: this thread takes chunks of stats too, phase after phase, until the prefetch ends.
        do Volatile.Read(ref _shared)?.Help();
        while (!_thread.Join(1));
        return memoPath == _memoPath && !_failed ? (_memo, _proofs, _delta) : null;
    }

    // A prefetch that fails must not end the process from its own thread: the check then reads for itself.
    private void Run()
    {
        try
        {
            Prefetch();
        }
        catch (Exception)
        {
            _failed = true;
        }
    }

    private void Prefetch()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if ((_memoPath = _guess()) is null) return;
        var memo = MemoFile.Read(_memoPath);
        if (memo is null) return;
        PhaseTimings.Beside("prefetch: memo read", clock.Elapsed);
        var proofs = new List<ScanProof.Differing>?[memo.Scans.Count];
        // Inputs first, as the check takes them: an edit found there starts the delta's reads beside the outputs' stats.
        foreach (var outputs in (bool[])[false, true])
        {
            var taken = new List<int>();
            for (var i = 0; i < proofs.Length; i++)
                if (InvocationMemo.IsOutput(memo.Scans[i].Scan) == outputs) taken.Add(i);
            var pending = new List<ScanProof.Pending>(taken.Count);
            foreach (var i in taken) pending.Add(ScanProof.Begin(memo.Scans[i]));
            // An edit found among the inputs starts the delta's reads at once, beside the rest of the stats.
            var shared = new SharedProofs(pending, outputs || memo.DeltaGeneration.Length == 0 ? null : () => StartDelta(memo.DeltaGeneration));
            _shared = shared;
            for (var helper = 1; helper < Environment.ProcessorCount; helper++) Task.Run(shared.Help);
            shared.Finish();
            for (var k = 0; k < taken.Count; k++) proofs[taken[k]] = pending[k].Result();
            PhaseTimings.Beside(outputs ? "prefetch: outputs stat'ed" : "prefetch: inputs stat'ed", clock.Elapsed);
            // A scan not proven (its folder changed) is most often an edit saved through a temporary file: read ahead for it too.
            if (!outputs && memo.DeltaGeneration.Length > 0 && taken.Exists(i => proofs[i] is null or { Count: > 0 })) StartDelta(memo.DeltaGeneration);
        }
        _shared = null;
        (_memo, _proofs) = (memo, proofs);
    }

    // Once, from whichever thread found the first difference (or the prefetch's, after the inputs' stats).
    private void StartDelta(string generation)
    {
        var reading = new Task<DeltaAhead?>(() => ReadDelta(generation));
        if (Interlocked.CompareExchange(ref _delta, reading, null) is null) reading.Start();
    }

    private DeltaAhead? ReadDelta(string generation)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var target = Path.GetDirectoryName(_memoPath!)!;
            if (InvocationMemo.ReadDeltaSnapshot(target, _command, generation) is not { } snapshot) return null;
            PhaseTimings.Beside("delta ahead: snapshot", clock.Elapsed);
            // The manifest's index and the patch's first calls on a thread of their own, beside the macros and the render's.
            var index = InvocationMemo.PatchesManifest(_command) ? Task.Run(() => ReadIndex(target, clock)) : null;
            var variables = new VariableForward();
            var renderer = new DeltaRenderer(snapshot, variables.Read);
            renderer.LoadedMacros();
            PhaseTimings.Beside("delta ahead: macros", clock.Elapsed);
            renderer.WarmUp();
            PhaseTimings.Beside("delta ahead: warmed up", clock.Elapsed);
            return new DeltaAhead(snapshot, index, renderer, variables);
        }
        catch (Exception)
        {
            // Whatever went wrong (on this thread or the index's): the delta reads again, and meets (and reports) the same trouble.
            return null;
        }
    }

    // Null when there is none to read (the delta then runs the full command, which writes one).
    private static ManifestIndex? ReadIndex(string target, System.Diagnostics.Stopwatch clock)
    {
        var index = ManifestIndex.TryRead(target);
        if (index is not null) ManifestPatch.WarmUp();
        PhaseTimings.Beside("delta ahead: manifest index", clock.Elapsed);
        return index;
    }

    // A flag's value as `--flag value` or `--flag=value`; the last one given wins, as in the parser.
    private static string? Flag(IReadOnlyList<string> args, string name)
    {
        string? value = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count) value = args[++i];
            else if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) value = args[i][(name.Length + 1)..];
        }
        return value;
    }
}
