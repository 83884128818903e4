using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>
/// What the memo needs of one path: <see cref="FileStamp"/>'s kind, size and write time, plus a folder's
/// status-change time. A folder's ctime moves whenever an entry is created, removed or renamed in it
/// (and on any change to the folder itself), and unlike its write time no program can set it back:
/// an unchanged ctime proves an unchanged listing, so a check need not list the folder again.
/// On Linux one <c>statx</c> (<see cref="LinuxStat"/>), also from a NUL-terminated UTF-8 path (no string
/// per file); elsewhere <see cref="FileStamp"/> with no ctime (0: folders are always listed).
/// </summary>
internal readonly record struct MemoStat(FileStampKind Kind, long Length, long Ticks, long ChangeTicks)
{
    /// <summary>Whether <see cref="ChangeTicks"/> is read here: without it no folder listing is ever skipped.</summary>
    public static bool KnowsChangeTimes => LinuxStat.Usable;

    // Written out: the generated equality compares the kind through EqualityComparer<FileStampKind>, compiled at run time.
    public bool Equals(MemoStat other) => Kind == other.Kind && Length == other.Length && Ticks == other.Ticks && ChangeTicks == other.ChangeTicks;

    public override int GetHashCode() => HashCode.Combine((int)Kind, Length, Ticks, ChangeTicks);

    public static MemoStat Of(string path)
    {
        if (LinuxStat.Of(path) is { } stat) return From(stat);
        var stamp = FileStamp.Of(path);
        return new MemoStat(stamp.Kind, stamp.Length, stamp.Ticks, 0);
    }

    /// <summary>The stat of a NUL-terminated UTF-8 path, or null when statx cannot answer (then ask <see cref="Of(string)"/>).</summary>
    /// <param name="folder">A folder descriptor (<see cref="LinuxStat.OpenFolder"/>) a relative path starts from; absent, the working folder.</param>
    public static MemoStat? Of(ReadOnlySpan<byte> utf8PathWithNul, int folder = LinuxStat.CurrentFolder) =>
        LinuxStat.Of(utf8PathWithNul, folder) is { } stat ? From(stat) : null;

    private static MemoStat From(LinuxStat.Result stat) => new(stat.Kind, stat.Length, stat.Ticks, stat.ChangeTicks);
}
