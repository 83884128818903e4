using System.Runtime.InteropServices;
using ModelForge.Compiler.Project;

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
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
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

    // "always" or "madvise": either way the kernel gives huge pages to advised mappings. Read through libc, as the maps
    // below: FileStream's and StreamReader's first use cost the main thread ~20 ms before anything else could start.
    private static bool HugePagesAvailable()
    {
        var buffer = new byte[256];
        var length = UnixFile.TryReadToEnd("/sys/kernel/mm/transparent_hugepage/enabled", ref buffer, 4096);
        return length > 0 && buffer.AsSpan(0, length).IndexOf("[never]"u8) < 0;
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
        var buffer = new byte[64 * 1024];
        var length = UnixFile.TryReadToEnd(maps, ref buffer, 16 << 20);
        return length > 0 ? FindReservation(address, buffer.AsSpan(0, length)) : null;
    }

    private static Reservation? FindReservation(ulong address, ReadOnlySpan<byte> maps)
    {
        ulong? start = null;
        var end = 0UL;
        while (!maps.IsEmpty)
        {
            var newline = maps.IndexOf((byte)'\n');
            var line = newline < 0 ? maps : maps[..newline];
            maps = newline < 0 ? default : maps[(newline + 1)..];
            if (line.IsEmpty) continue;
            if (!TryParse(line, out var from, out var to, out var access, out var anonymous)) return null;
            if (start is null)
            {
                if (from <= address && address < to) (start, end) = (from, to);
                continue;
            }
            if (from != end || !anonymous || access == Access.Other) return null;
            if (access == Access.None && to - from >= ReservationAtLeast) return new Reservation(start.Value, from, to - from);
            end = to;
        }
        return null;
    }

    private enum Access
    {
        Other,
        ReadWrite,
        None,
    }

    // "start-end perms offset dev inode [path]" (private "rw-p" or "---p" are the GC's): anonymous when the inode is 0
    // and there is no path, or only a name given to anonymous memory ("[anon:...]").
    private static bool TryParse(ReadOnlySpan<byte> line, out ulong from, out ulong to, out Access access, out bool anonymous)
    {
        (from, to, access, anonymous) = (0, 0, Access.Other, false);
        var range = Field(ref line);
        var dash = range.IndexOf((byte)'-');
        if (dash < 0 || !TryHex(range[..dash], out from) || !TryHex(range[(dash + 1)..], out to)) return false;
        var permissions = Field(ref line);
        access = permissions.SequenceEqual("rw-p"u8) ? Access.ReadWrite : permissions.SequenceEqual("---p"u8) ? Access.None : Access.Other;
        Field(ref line);
        Field(ref line);
        var inode = Field(ref line);
        if (inode.IsEmpty) return false;
        // The path's first word says enough: none, or a name given to anonymous memory.
        var path = Field(ref line);
        anonymous = inode.SequenceEqual("0"u8) && (path.IsEmpty || path.StartsWith("[anon:"u8));
        return true;
    }

    // The next field separated by spaces; the line keeps what follows it.
    private static ReadOnlySpan<byte> Field(ref ReadOnlySpan<byte> line)
    {
        var at = 0;
        while (at < line.Length && line[at] == ' ') at++;
        var stop = at;
        while (stop < line.Length && line[stop] != ' ') stop++;
        var field = line[at..stop];
        line = line[stop..];
        return field;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 16) return false;
        foreach (var digit in digits)
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0) return false;
            value = value << 4 | (uint)nibble;
        }
        return true;
    }

    // No SetLastError: its marshalling stub would be compiled at run time in every process (the outcome names the call refused).
    [DllImport("libc", EntryPoint = "mprotect")]
    private static extern int Mprotect(nint address, nuint length, int protection);

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
