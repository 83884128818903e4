using System.Runtime;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

/// <summary>
/// The no-GC region a command starts in, in this very process: no collection while it allocates within the allowance,
/// and the GC back to its usual mode at the first collection once the allowance is spent.
/// </summary>
[NonParallelizable]
public sealed class GcStartRegionTests
{
    [Test]
    public void Turned_off_by_its_variable()
    {
        Assert.That(GcStartRegion.Start(name => name == "FORGE_GC_START_REGION" ? "0" : null), Is.EqualTo("FORGE_GC_START_REGION=0"));
    }

    [Test]
    public void Allocation_within_the_allowance_collects_nothing_and_beyond_it_the_gc_resumes()
    {
        var collections = GC.CollectionCount(0);
        var outcome = GcStartRegion.Start(_ => null);
        if (!outcome.StartsWith("no collection", StringComparison.Ordinal))
            Assert.Ignore("the GC refused a region in this test process: " + outcome);
        Assert.That(GCSettings.LatencyMode, Is.EqualTo(GCLatencyMode.NoGCRegion));
        Assert.That(GcStartRegion.Start(_ => null), Is.SameAs(outcome), "once per process");
        // The region's own collection, then none for 32 MB of small objects kept alive.
        var started = GC.CollectionCount(0);
        Assert.That(started, Is.GreaterThan(collections));
        var kept = Allocate(32 << 20);
        Assert.That(GC.CollectionCount(0), Is.EqualTo(started), "collections within the allowance");
        Assert.That(GCSettings.LatencyMode, Is.EqualTo(GCLatencyMode.NoGCRegion));

        // Past the allowance: one collection ends the region, and the kept objects are intact.
        var more = Allocate((int)GcStartRegion.SmallObjectBytes);
        Assert.That(GC.CollectionCount(0), Is.GreaterThan(started));
        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion));
        Assert.That(kept.Select((b, i) => b[^1] == (byte)i).All(same => same), Is.True);
        GC.KeepAlive(more);
    }

    private static List<byte[]> Allocate(int bytes)
    {
        var kept = new List<byte[]>(bytes / 4096);
        for (var i = 0; i < bytes / 4096; i++)
        {
            var block = new byte[4000];
            block[^1] = (byte)i;
            kept.Add(block);
        }
        return kept;
    }
}
