using System.Diagnostics;

namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Wall time per compile phase, printed to stderr when FORGE_TIMINGS=1: a profile that needs no
/// tool, for bench/RESULTS.md. Off, each mark costs one static read.
/// </summary>
internal static class PhaseTimings
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("FORGE_TIMINGS") == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static long _last;
    private static long _lastStep;
    private static TimeSpan _lastStepCpu;

    /// <summary>Prints the time since the previous mark (or process start) under <paramref name="phase"/>.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled) return;
        var now = Clock.ElapsedTicks;
        var since = (now - Interlocked.Exchange(ref _last, now)) * 1000.0 / Stopwatch.Frequency;
        _lastStep = now;
        var total = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.Error.WriteLine($"[timing] {phase,-28} {since,8:F1} ms   (process {total:F0} ms)");
    }

    /// <summary>
    /// An indented line for a step inside the current phase (time since the previous step or
    /// mark); it does not restart the phase, so the phase lines still add up to the process time.
    /// </summary>
    public static void Step(string step)
    {
        if (!Enabled) return;
        var now = Clock.ElapsedTicks;
        var last = Math.Max(Interlocked.Exchange(ref _lastStep, now), Interlocked.Read(ref _last));
        // CPU of all threads too: on a shared machine it is steadier than wall time.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuSince = _lastStepCpu == TimeSpan.Zero ? "" : $"   (cpu {(cpu - _lastStepCpu).TotalMilliseconds:F0} ms)";
        _lastStepCpu = cpu;
        Console.Error.WriteLine($"[timing]   {step,-26} {(now - last) * 1000.0 / Stopwatch.Frequency,8:F1} ms{cpuSince}");
    }
}
