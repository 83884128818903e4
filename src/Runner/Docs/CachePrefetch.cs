using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Docs;

/// <summary>
/// `forge docs generate` reads the compile and lineage caches (megabytes each at 10,000 models) on a thread of its own
/// while the project loads, rather than at the start of its compile, where the compile cache's read held up the main
/// thread. The thread runs at the lowest priority, on what the load leaves idle, so it does not slow the load down;
/// a cache not read by the time it is wanted is read by the taker as before. The folder is guessed before the project
/// file is read: each cache is handed over only for the path and stamp the command works out itself, and only once,
/// so a wrong guess costs the read, never an answer.
/// </summary>
internal sealed class CachePrefetch
{
    private readonly string _compilePath;
    private readonly string _lineagePath;
    private readonly TaskCompletionSource<CompileCache?> _compile = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<LineageCache?> _lineage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _compileTaken;
    private int _lineageTaken;
    // Set by a taker that came too soon: the thread then stops reading that cache (its garbage would only cost GCs).
    private readonly CancellationTokenSource _compileUnwanted = new();
    private readonly CancellationTokenSource _lineageUnwanted = new();

    private CachePrefetch(string targetDirectory)
    {
        _compilePath = Path.GetFullPath(Path.Combine(targetDirectory, CompileCache.FileName));
        _lineagePath = Path.GetFullPath(Path.Combine(targetDirectory, LineageCache.FileName));
        var compileBuild = CachedCompiler.BuildStamp;
        var lineageBuild = LineageCache.BuildStamp;
        // The compile cache first (the compile wants it first), then the lineage cache. A thread of its own: the pool's
        // threads must keep their priority.
        new Thread(() =>
        {
            IdlePriority.Enter();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Complete(_compile, () => CompileCache.LoadWith(_compilePath, stamp => stamp.StartsWith(compileBuild, StringComparison.Ordinal), _compileUnwanted.Token));
            PhaseTimings.Beside("docs: compile cache read", clock.Elapsed);
            Complete(_lineage, () => LineageCache.LoadWith(_lineagePath, stamp => stamp.StartsWith(lineageBuild, StringComparison.Ordinal), _lineageUnwanted.Token));
            PhaseTimings.Beside("docs: lineage cache read", clock.Elapsed);
        }) { IsBackground = true, Name = "forge cache read-ahead" }.Start();
    }

    /// <summary>Starts reading the caches in <paramref name="targetDirectory"/>, the folder the command will probably use.</summary>
    public static CachePrefetch Start(string targetDirectory) => new(targetDirectory);

    /// <summary>Both reads done, whatever they found (for tests).</summary>
    public Task Completion => Task.WhenAll(_compile.Task, _lineage.Task);

    /// <summary>
    /// The compile cache read ahead, if it is the one at <paramref name="path"/> with <paramref name="stamp"/>, already
    /// read, and not yet taken; else null (the caller reads the file itself).
    /// </summary>
    public CompileCache? TakeCompileCache(string path, string stamp) =>
        Take(ref _compileTaken, _compilePath, path, _compile.Task, _compileUnwanted) is { } cache && cache.Stamp == stamp ? cache : null;

    /// <summary>As <see cref="TakeCompileCache"/>, for the lineage cache.</summary>
    public LineageCache? TakeLineageCache(string path, string stamp) =>
        Take(ref _lineageTaken, _lineagePath, path, _lineage.Task, _lineageUnwanted) is { } cache && cache.Stamp == stamp ? cache : null;

    // A cache is handed out once: its entries record what the compile or lineage pass that took it reused. One still
    // being read is not waited for: on a busy machine the low-priority thread may be far from done.
    private static T? Take<T>(ref int taken, string readPath, string path, Task<T?> read, CancellationTokenSource unwanted) where T : class
    {
        if (Path.GetFullPath(path) != readPath || Interlocked.Exchange(ref taken, 1) != 0) return null;
        if (read.IsCompleted) return read.GetAwaiter().GetResult();
        unwanted.Cancel();
        PhaseTimings.Note($"{Path.GetFileName(path)}: not yet read ahead, read now");
        return null;
    }

    // A read that throws (a bug: CacheFile turns every damaged or missing file into null) rethrows in the taker.
    private static void Complete<T>(TaskCompletionSource<T?> result, Func<T?> read) where T : class
    {
        try
        {
            result.SetResult(read());
        }
        catch (OperationCanceledException)
        {
            result.SetCanceled();
        }
        catch (Exception e)
        {
            result.SetException(e);
        }
    }
}
