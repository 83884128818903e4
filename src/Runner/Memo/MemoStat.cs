using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>
/// What the memo needs of one path: <see cref="FileStamp"/>'s kind, size and write time, plus a folder's
/// status-change time. A folder's ctime moves whenever an entry is created, removed or renamed in it
/// (and on any change to the folder itself), and unlike its write time no program can set it back:
/// an unchanged ctime proves an unchanged listing, so a check need not list the folder again.
/// On Linux one <c>statx</c> from a NUL-terminated UTF-8 path (no string per file); elsewhere
/// <see cref="FileStamp"/> with no ctime (0: folders are always listed).
/// </summary>
internal readonly record struct MemoStat(FileStampKind Kind, long Length, long Ticks, long ChangeTicks)
{
    // Whether statx is worth trying: Linux only, until a call shows it is not there.
    private static volatile bool s_statx = OperatingSystem.IsLinux();

    /// <summary>Whether <see cref="ChangeTicks"/> is read here: without it no folder listing is ever skipped.</summary>
    public static bool KnowsChangeTimes => s_statx;

    public static MemoStat Of(string path)
    {
        if (s_statx)
        {
            Span<byte> bytes = Encoding.UTF8.GetMaxByteCount(path.Length) < 1023 ? stackalloc byte[1024] : new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
            var written = Encoding.UTF8.GetBytes(path, bytes);
            bytes[written] = 0;
            if (TryStatx(bytes) is { } stat) return stat;
        }
        var stamp = FileStamp.Of(path);
        return new MemoStat(stamp.Kind, stamp.Length, stamp.Ticks, 0);
    }

    /// <summary>The stat of a NUL-terminated UTF-8 path, or null when statx cannot answer (then ask <see cref="Of(string)"/>).</summary>
    public static MemoStat? Of(ReadOnlySpan<byte> utf8PathWithNul) => s_statx ? TryStatx(utf8PathWithNul) : null;

    private const long EpochTicks = 621_355_968_000_000_000;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMtime = 0x40, StatxCtime = 0x80, StatxSize = 0x200;
    private const uint Wanted = StatxType | StatxMtime | StatxCtime | StatxSize;
    private const int ENOSYS = 38;

    // struct statx is the same on every Linux architecture: 256 bytes, these offsets.
    private const int BufferBytes = 256, MaskOffset = 0, ModeOffset = 28, SizeOffset = 40, CtimeOffset = 96, MtimeOffset = 112;

    private static MemoStat? TryStatx(ReadOnlySpan<byte> path)
    {
        Span<byte> buffer = stackalloc byte[BufferBytes];
        int result;
        try
        {
            result = Statx(AtFdCwd, ref MemoryMarshal.GetReference(path), AtSymlinkNoFollow, Wanted, ref MemoryMarshal.GetReference(buffer));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_statx = false;
            return null;
        }
        if (result != 0)
        {
            if (Marshal.GetLastPInvokeError() != ENOSYS) return new MemoStat(FileStampKind.Missing, 0, 0, 0);
            s_statx = false;
            return null;
        }
        if ((BinaryPrimitives.ReadUInt32LittleEndian(buffer[MaskOffset..]) & Wanted) != Wanted) return null;
        var mode = MemoryMarshal.Read<ushort>(buffer[ModeOffset..]);
        var kind = (mode & 0xF000) switch { 0x4000 => FileStampKind.Folder, 0xA000 => FileStampKind.Link, _ => FileStampKind.File };
        return new MemoStat(kind, MemoryMarshal.Read<long>(buffer[SizeOffset..]), TicksAt(buffer[MtimeOffset..]), TicksAt(buffer[CtimeOffset..]));
    }

    // struct statx_timestamp: 64-bit seconds, 32-bit nanoseconds.
    private static long TicksAt(ReadOnlySpan<byte> timestamp) =>
        EpochTicks + MemoryMarshal.Read<long>(timestamp) * TimeSpan.TicksPerSecond + MemoryMarshal.Read<uint>(timestamp[8..]) / 100;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, ref byte path, int flags, uint mask, ref byte buffer);
}
