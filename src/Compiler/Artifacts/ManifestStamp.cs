using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// What proves manifest.json is the one an index describes without reading its 70 MB: its size, last write time
/// and status-change time (which no program can set back; 0 where the system does not give it), as the invocation
/// memo proves every output. A time on a whole second suggests a file system that keeps seconds, where a later
/// write can carry the same time: no stamp then, and no index.
/// </summary>
internal readonly record struct ManifestStamp(long Length, long Ticks, long ChangeTicks)
{
    /// <summary>The manifest's stamp now, or null when it is not a plain file or its times cannot tell writes apart.</summary>
    public static ManifestStamp? Of(string path)
    {
        ManifestStamp stamp;
        if (LinuxStat.Of(path) is { } stat)
        {
            if (stat.Kind != FileStampKind.File) return null;
            stamp = new ManifestStamp(stat.Length, stat.Ticks, stat.ChangeTicks);
        }
        else if (FileStamp.Of(path) is { Kind: FileStampKind.File } file) stamp = new ManifestStamp(file.Length, file.Ticks, 0);
        else return null;
        return stamp.Ticks % TimeSpan.TicksPerSecond == 0 ? null : stamp;
    }
}
