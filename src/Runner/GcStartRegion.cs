using System.Runtime;

namespace ModelForge.Runner;

/// <summary>
/// Lets a command's first 80 MB of small objects allocate without a collection (a no-GC region). Workstation GC with
/// background collections gives generation 0 a budget of 6 MB at most, so an incremental 10,000-model compile, which
/// allocates 35–50 MB that mostly live until exit (the memo, the graph, the rendered SQL), paid 4–6 collections that
/// each copied the survivors: 30–60 ms of a 0.35–0.45 s macro edit (bench/RESULTS.md, issue 18, tenth session). A
/// command that allocates more ends the region at its first collection, and the GC goes on as it always does: a cold
/// compile measured the same with and without.
/// </summary>
internal static class GcStartRegion
{
    /// <summary>Small-object allowance: a macro edit at ~1,200 users allocates ~50 MB.</summary>
    internal const long SmallObjectBytes = 80L << 20;

    /// <summary>Large-object (85 KB and over) allowance: the memo's and the manifest index's buffers.</summary>
    internal const long LargeObjectBytes = 16L << 20;

    // The region commits its allowance up front: not where memory is that scarce.
    private const long AvailableAtLeast = 1L << 30;

    private static string? s_done;

    /// <summary>
    /// Starts the region, once per process; never throws. Returns what was done, for FORGE_TIMINGS and the tests.
    /// </summary>
    /// <param name="environment">FORGE_GC_START_REGION=0 turns it off.</param>
    public static string Start(Func<string, string?> environment)
    {
        if (environment("FORGE_GC_START_REGION") == "0") return "FORGE_GC_START_REGION=0";
        return s_done ??= StartOnce();
    }

    private static string StartOnce()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return "a no-GC region is already in progress";
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < AvailableAtLeast) return "less than 1 GB available to the GC";
        try
        {
            return GC.TryStartNoGCRegion(SmallObjectBytes + LargeObjectBytes, LargeObjectBytes)
                ? $"no collection before {SmallObjectBytes >> 20} MB of small and {LargeObjectBytes >> 20} MB of large objects"
                : "refused by the GC";
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A heap hard limit smaller than the allowance, or a region started meanwhile by another thread.
            return e.Message;
        }
    }
}
