using System.Diagnostics;

namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Wall and CPU time per compile phase, printed to stderr when FORGE_TIMINGS=1: a profile that needs
/// no tool, for bench/RESULTS.md. CPU time (all threads) is the figure that holds on a shared, loaded
/// machine. Off, each mark costs one static read.
/// </summary>
internal static class PhaseTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("FORGE_TIMINGS") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static long _last;
    private static long _lastCpu;
    private static long _lastStep;
    private static long _lastStepCpu;
    private static long _lastAllocated;
    private static long _lastStepAllocated;
    private static int _lastCollections;
    private static int _lastGen2;
    private static TimeSpan _lastPause;
    private static long _lastStepJitted;
    private static TimeSpan _lastStepJitTime;
    private static long _lastJitted;
    private static TimeSpan _lastJitTime;

    /// <summary>Prints the time since the previous mark (or process start) under <paramref name="phase"/>.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled) return;
        var now = Clock.ElapsedTicks;
        var since = (now - Interlocked.Exchange(ref _last, now)) * 1000.0 / Stopwatch.Frequency;
        var process = Process.GetCurrentProcess();
        var total = (DateTime.Now - process.StartTime).TotalMilliseconds;
        var cpuNow = process.TotalProcessorTime.Ticks;
        var cpu = (cpuNow - Interlocked.Exchange(ref _lastCpu, cpuNow)) / (double)TimeSpan.TicksPerMillisecond;
        _lastStep = now;
        _lastStepCpu = cpuNow;
        _lastStepAllocated = GC.GetTotalAllocatedBytes();
        _lastStepJitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        _lastStepJitTime = System.Runtime.JitInfo.GetCompilationTime();
        // Methods compiled at run time: in a precompiled forge, those its image lacks (generic instantiations over value types from other assemblies).
        var jitted = _lastStepJitted - Interlocked.Exchange(ref _lastJitted, _lastStepJitted);
        var jitTime = (_lastStepJitTime - _lastJitTime).TotalMilliseconds;
        _lastJitTime = _lastStepJitTime;
        // Bytes allocated and collections: figures a loaded machine does not blur.
        var allocated = GC.GetTotalAllocatedBytes() - Interlocked.Exchange(ref _lastAllocated, GC.GetTotalAllocatedBytes());
        var collections = GC.CollectionCount(0) - Interlocked.Exchange(ref _lastCollections, GC.CollectionCount(0));
        // Gen-2 collections and the time threads were paused for collections: what the allocation costs beyond itself.
        var gen2 = GC.CollectionCount(2) - Interlocked.Exchange(ref _lastGen2, GC.CollectionCount(2));
        var pauseNow = GC.GetTotalPauseDuration();
        var pause = (pauseNow - _lastPause).TotalMilliseconds;
        _lastPause = pauseNow;
        Console.Error.WriteLine($"[timing] {phase,-28} {since,8:F1} ms   cpu {cpu,7:F0} ms   (process {total:F0} ms)   alloc {allocated / 1048576.0,6:F0} MB, {collections} GCs ({gen2} gen 2, paused {pause:F0} ms), jit {jitted} methods {jitTime:F0} ms");
    }

    /// <summary>
    /// An indented line for a step inside the current phase (time since the previous step or
    /// mark); it does not restart the phase, so the phase lines still add up to the process time.
    /// </summary>
    public static void Step(string step)
    {
        if (!Enabled) return;
        var now = Clock.ElapsedTicks;
        var since = (now - Interlocked.Exchange(ref _lastStep, now)) * 1000.0 / Stopwatch.Frequency;
        var cpuNow = Process.GetCurrentProcess().TotalProcessorTime.Ticks;
        var cpu = (cpuNow - Interlocked.Exchange(ref _lastStepCpu, cpuNow)) / (double)TimeSpan.TicksPerMillisecond;
        var allocated = GC.GetTotalAllocatedBytes();
        var stepAllocated = allocated - Interlocked.Exchange(ref _lastStepAllocated, allocated);
        // Methods compiled in the step (all threads) and the JIT's time: start-up cost, apart from the work.
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var stepJitted = jitted - Interlocked.Exchange(ref _lastStepJitted, jitted);
        var stepJitTime = jitTime - _lastStepJitTime;
        _lastStepJitTime = jitTime;
        Console.Error.WriteLine($"[timing]   {step,-26} {since,8:F1} ms   cpu {cpu,7:F0} ms   alloc {stepAllocated / 1048576.0,4:F0} MB   jit {stepJitted,4} methods {stepJitTime.TotalMilliseconds,4:F0} ms");
    }

    /// <summary>A line for work done on another thread beside the phases: its own wall time, counted in no phase.</summary>
    public static void Beside(string work, TimeSpan wall)
    {
        if (!Enabled) return;
        // When it ended since process start: work beside the phases may be what the next phase waits for.
        var ended = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.Error.WriteLine($"[timing]   {"(beside) " + work,-26} {wall.TotalMilliseconds,8:F1} ms   (ended at process {ended:F0} ms)");
    }

    /// <summary>An indented line of text about the current phase (a count, a share).</summary>
    public static void Note(string text)
    {
        if (Enabled) Console.Error.WriteLine($"[timing]   {text}");
    }
}
