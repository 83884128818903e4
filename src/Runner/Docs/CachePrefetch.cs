using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Caching;
using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Docs;

/// <summary>
/// `forge docs generate` reads the compile and lineage caches (megabytes each at 10,000 models) on a thread of their
/// own while the project loads, when a core is mostly idle, rather than at the start of its compile, where the compile
/// cache's read held up the main thread. The folder is guessed before the project file is read: each cache is taken
/// only for the path and stamp the command works out itself, and only once, so a wrong guess costs the read, never an
/// answer.
/// </summary>
internal sealed class CachePrefetch
{
    private readonly string _compilePath;
    private readonly string _lineagePath;
    private readonly Task<CompileCache?> _compile;
    private readonly Task<LineageCache?> _lineage;
    private int _compileTaken;
    private int _lineageTaken;

    private CachePrefetch(string targetDirectory)
    {
        _compilePath = Path.GetFullPath(Path.Combine(targetDirectory, CompileCache.FileName));
        _lineagePath = Path.GetFullPath(Path.Combine(targetDirectory, LineageCache.FileName));
        var compileBuild = CachedCompiler.BuildStamp;
        var lineageBuild = LineageCache.BuildStamp;
        // One thread, the compile cache first (the compile needs it first), then the lineage cache on the same thread.
        _compile = Task.Factory.StartNew(() => CompileCache.LoadWith(_compilePath, stamp => stamp.StartsWith(compileBuild, StringComparison.Ordinal)),
            TaskCreationOptions.LongRunning);
        _lineage = _compile.ContinueWith(_ => LineageCache.LoadWith(_lineagePath, stamp => stamp.StartsWith(lineageBuild, StringComparison.Ordinal)),
            TaskContinuationOptions.ExecuteSynchronously);
    }

    /// <summary>Starts reading the caches in <paramref name="targetDirectory"/>, the folder the command will probably use.</summary>
    public static CachePrefetch Start(string targetDirectory) => new(targetDirectory);

    /// <summary>The compile cache read ahead, if it is the one at <paramref name="path"/> with <paramref name="stamp"/> and not yet taken; else null.</summary>
    public CompileCache? TakeCompileCache(string path, string stamp) =>
        Take(ref _compileTaken, _compilePath, path, _compile) is { } cache && cache.Stamp == stamp ? cache : null;

    /// <summary>As <see cref="TakeCompileCache"/>, for the lineage cache.</summary>
    public LineageCache? TakeLineageCache(string path, string stamp) =>
        Take(ref _lineageTaken, _lineagePath, path, _lineage) is { } cache && cache.Stamp == stamp ? cache : null;

    // A cache is handed out once: its entries record what the compile or lineage pass that took it reused.
    private static T? Take<T>(ref int taken, string readPath, string path, Task<T?> read) where T : class =>
        Path.GetFullPath(path) == readPath && Interlocked.Exchange(ref taken, 1) == 0 ? read.GetAwaiter().GetResult() : null;
}
