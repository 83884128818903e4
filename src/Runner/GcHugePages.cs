using System.Globalization;
using System.Runtime.InteropServices;

namespace ModelForge.Runner;

/// <summary>
/// Lets the GC's heap be backed by 2 MB transparent huge pages on Linux. A cold compile at 10,000 models touched
/// ~300 MB of fresh heap in ~64,000 page faults; on a virtual machine each costs several microseconds, and the many
/// small pages make the GC's walks of the heap miss the TLB. The GC commits its regions 64 KB at a time and marks each
/// piece for core dumps, which splits the mapping into pieces smaller than a huge page, so the kernel never uses
/// one, even when huge pages are on for every process. Here the start of the GC's untouched reservation is made
/// readable, writable and dumpable up front, as the GC's own commits would leave it (they then change nothing), and
/// advised for huge pages: the faults drop to ~12,000 and a cold compile's user CPU by ~12% (bench/RESULTS.md, issue 18).
/// Nothing is touched that the GC has not reserved; the GC still commits, uses and frees its memory as before.
/// </summary>
internal static class GcHugePages
{
    /// <summary>How much of the reservation to prepare: more than a 10,000-model compile's heap, all virtual until used.</summary>
    internal const long PreparedBytes = 1L << 30;

    // The GC's uncommitted reservation is tens of gigabytes; a thread stack's guard page is 4 KB.
    private const long ReservationAtLeast = 1L << 30;

    private const int ProtRead = 1, ProtWrite = 2, MadvHugePage = 14, MadvDoDump = 17;

    /// <summary>What was done, for FORGE_TIMINGS and the tests: the range prepared, or why nothing was.</summary>
    internal sealed record Outcome(bool Prepared, string Detail, ulong Start = 0, ulong Length = 0);

    private static Outcome? s_done;

    /// <summary>
    /// Prepares the heap's reservation, once per process; never throws (an unknown layout or a refused call leaves the GC
    /// as it was).
    /// </summary>
    /// <param name="environment">FORGE_HUGE_PAGES=0 turns it off.</param>
    public static Outcome Prepare(Func<string, string?> environment)
    {
        if (environment("FORGE_HUGE_PAGES") == "0") return new Outcome(false, "FORGE_HUGE_PAGES=0");
        return s_done ??= PrepareOnce();
    }

    private static Outcome PrepareOnce()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return new Outcome(false, "not Linux");
            if (!HugePagesAvailable()) return new Outcome(false, "transparent huge pages are off");
            return FindReservation(HeapAddress()) is { } heap ? Prepare(heap) : new Outcome(false, "no GC reservation found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException
                                      or DllNotFoundException or EntryPointNotFoundException)
        {
            return new Outcome(false, e.Message);
        }
    }

    private static Outcome Prepare(Reservation heap)
    {
        var length = Math.Min(heap.Length, (ulong)PreparedBytes);
        if (Mprotect((nint)heap.Start, (nuint)length, ProtRead | ProtWrite) != 0) return new Outcome(false, "mprotect refused");
        Madvise((nint)heap.Start, (nuint)length, MadvDoDump);
        return Madvise((nint)heap.HeapStart, (nuint)(heap.Start + length - heap.HeapStart), MadvHugePage) == 0
            ? new Outcome(true, $"{length >> 20} MB of the GC's reservation prepared", heap.Start, length)
            : new Outcome(false, "madvise refused");
    }

    // "always" or "madvise": either way the kernel gives huge pages to advised mappings.
    private static bool HugePagesAvailable()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        return File.Exists(setting) && !File.ReadAllText(setting).Contains("[never]", StringComparison.Ordinal);
    }

    // Where a new small object lies: in one of the GC's first regions, at the start of its reservation.
    private static ulong HeapAddress()
    {
        var handle = GCHandle.Alloc(new byte[64], GCHandleType.Pinned);
        try
        {
            return (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>
    /// The start of the mapping holding a heap object, and the untouched reservation found after it: <see cref="Length"/>
    /// bytes from <see cref="Start"/>.
    /// </summary>
    internal sealed record Reservation(ulong HeapStart, ulong Start, ulong Length);

    /// <summary>
    /// The mapping holding <paramref name="address"/>, and the first large untouched reservation after it reached through
    /// adjacent anonymous mappings (the GC's regions, committed or not, lie side by side); null for any other layout.
    /// </summary>
    internal static Reservation? FindReservation(ulong address, string maps = "/proc/self/maps")
    {
        ulong? start = null;
        var end = 0UL;
        foreach (var line in File.ReadLines(maps))
        {
            if (!TryParse(line, out var from, out var to, out var protection, out var anonymous)) return null;
            if (start is null)
            {
                if (from <= address && address < to) (start, end) = (from, to);
                continue;
            }
            if (from != end || !anonymous || protection is not ("rw-p" or "---p")) return null;
            if (protection == "---p" && to - from >= ReservationAtLeast) return new Reservation(start.Value, from, to - from);
            end = to;
        }
        return null;
    }

    // "start-end perms offset dev inode [path]": anonymous when the inode is 0 and there is no path, or only a name
    // given to anonymous memory ("[anon:...]").
    private static bool TryParse(string line, out ulong from, out ulong to, out string protection, out bool anonymous)
    {
        (from, to, protection, anonymous) = (0, 0, "", false);
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5) return false;
        var dash = fields[0].IndexOf('-');
        if (dash < 0) return false;
        from = ulong.Parse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        to = ulong.Parse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        protection = fields[1];
        var path = fields.Length == 6 ? fields[5].Trim() : "";
        anonymous = fields[4] == "0" && (path.Length == 0 || path.StartsWith("[anon:", StringComparison.Ordinal));
        return true;
    }

    // No SetLastError: its marshalling stub would be compiled at run time in every process (the outcome names the call refused).
    [DllImport("libc", EntryPoint = "mprotect")]
    private static extern int Mprotect(nint address, nuint length, int protection);

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
