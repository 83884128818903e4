using NUnit.Framework;

namespace ModelForge.Runner.Tests.Execution;

/// <summary>
/// The GC's reservation prepared for transparent huge pages: found only in the layout the GC leaves (its regions side by
/// side, then tens of gigabytes untouched), prepared in this very process with the kernel's own record of it checked,
/// and the GC still collecting and allocating across the prepared memory.
/// </summary>
public sealed class GcHugePagesTests
{
    private string _maps = null!;

    [SetUp]
    public void SetUp() => _maps = Path.GetTempFileName();

    [TearDown]
    public void TearDown() => File.Delete(_maps);

    [Test]
    public void The_reservation_after_the_heaps_regions_is_found()
    {
        File.WriteAllLines(_maps,
        [
            "55d0a0000000-55d0a0021000 r--p 00000000 fd:01 1234 /usr/share/dotnet/dotnet",
            "7f0000000000-7f0000700000 rw-p 00000000 00:00 0 ",
            "7f0000700000-7f0000800000 ---p 00000000 00:00 0 ",
            "7f0000800000-7f0001000000 rw-p 00000000 00:00 0 [anon:regions]",
            "7f0001000000-7fc000000000 ---p 00000000 00:00 0 ",
            "7fc000000000-7fc000001000 ---p 00000000 00:00 0 ",
        ]);

        var found = GcHugePages.FindReservation(0x7f0000000040, _maps);

        Assert.That(found, Is.EqualTo(new GcHugePages.Reservation(0x7f0000000000, 0x7f0001000000, 0x7fc000000000 - 0x7f0001000000)));
    }

    [Test]
    public void Any_other_layout_is_left_alone()
    {
        // A file mapping, a gap and a small guard page between the heap and a large reservation: none is the GC's.
        string[][] layouts =
        [
            ["7f0000000000-7f0000700000 rw-p 00000000 00:00 0 ", "7f0000700000-7f0000800000 r--p 00000000 fd:01 99 /lib/libc.so.6", "7f0000800000-7f4000000000 ---p 00000000 00:00 0 "],
            ["7f0000000000-7f0000700000 rw-p 00000000 00:00 0 ", "7f0000800000-7f4000000000 ---p 00000000 00:00 0 "],
            ["7f0000000000-7f0000700000 rw-p 00000000 00:00 0 ", "7f0000700000-7f0000701000 ---p 00000000 00:00 0 "],
            ["7f0000000000-7f0000700000 rw-p 00000000 00:00 0 ", "7f0000700000-7f4000000000 r-xp 00000000 00:00 0 "],
        ];
        foreach (var layout in layouts)
        {
            File.WriteAllLines(_maps, layout);
            Assert.That(GcHugePages.FindReservation(0x7f0000000040, _maps), Is.Null, string.Join(" | ", layout));
        }
        File.WriteAllLines(_maps, layouts[0]);
        Assert.That(GcHugePages.FindReservation(0x100, _maps), Is.Null, "an address in no mapping");
    }

    [Test]
    public void Turned_off_by_its_variable()
    {
        var outcome = GcHugePages.Prepare(name => name == "FORGE_HUGE_PAGES" ? "0" : null);

        Assert.That(outcome, Is.EqualTo(new GcHugePages.Outcome(false, "FORGE_HUGE_PAGES=0")));
    }

    [Test]
    public void This_processs_heap_is_prepared_and_the_gc_works_across_it()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        var outcome = GcHugePages.Prepare(_ => null);
        if (!OperatingSystem.IsLinux() || !File.Exists(setting) || File.ReadAllText(setting).Contains("[never]"))
        {
            Assert.That(outcome.Prepared, Is.False, outcome.Detail);
            return;
        }
        Assert.That(outcome.Prepared, Is.True, outcome.Detail);
        Assert.That(outcome.Length, Is.EqualTo((ulong)GcHugePages.PreparedBytes));
        // The kernel's record: readable, writable and advised for huge pages ("hg").
        Assert.That(FlagsAt(outcome.Start), Does.Contain(" rd ").And.Contain(" wr ").And.Contain(" hg"));

        // Some 200 MB allocated and mostly dropped, through full collections: the heap grows into the prepared range.
        var kept = new List<byte[]>();
        for (var i = 0; i < 200_000; i++)
        {
            var bytes = new byte[1000];
            bytes[^1] = (byte)i;
            if (i % 10 == 0) kept.Add(bytes);
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.That(kept.Select((b, i) => b[^1] == (byte)(i * 10)).All(same => same), Is.True);
        Assert.That(GcHugePages.Prepare(_ => null), Is.SameAs(outcome), "once per process");
    }

    // The VmFlags line of the mapping holding the address, from /proc/self/smaps.
    private static string FlagsAt(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-');
            if (dash > 0 && line.IndexOf(' ') > dash && ulong.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.HexNumber, null, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, line.IndexOf(' ') - dash - 1), System.Globalization.NumberStyles.HexNumber, null, out var to))
                inside = from <= address && address < to;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal)) return line + " ";
        }
        return "";
    }
}
