namespace ModelForge.Compiler.Project;

/// <summary>
/// A file's kind, size and last write time without following a final symbolic link, as cheaply as the
/// system allows. On Linux one <c>statx</c> call (<see cref="LinuxStat"/>): <see cref="FileInfo"/> costs
/// ~3x the system call (a full-path string, a status object, and a <c>geteuid</c> for the read-only
/// attribute), which at 30,000 files is what checking "nothing changed" spends. Elsewhere, or where
/// <c>statx</c> is missing (old kernel, another C library), <see cref="FileInfo"/> answers the same.
/// </summary>
internal readonly record struct FileStamp(FileStampKind Kind, long Length, long Ticks)
{
    /// <summary>The stamp of <paramref name="path"/>, or <see cref="FileStampKind.Missing"/> when it cannot be read.</summary>
    public static FileStamp Of(string path) =>
        LinuxStat.Of(path) is { } stat ? new FileStamp(stat.Kind, stat.Length, stat.Ticks) : Managed(path);

    private static FileStamp Managed(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null) return new FileStamp(FileStampKind.Link, info.Exists ? info.Length : 0, info.LastWriteTimeUtc.Ticks);
            if (info.Exists) return new FileStamp(FileStampKind.File, info.Length, info.LastWriteTimeUtc.Ticks);
            return Directory.Exists(path) ? new FileStamp(FileStampKind.Folder, 0, new DirectoryInfo(path).LastWriteTimeUtc.Ticks) : new FileStamp(FileStampKind.Missing, 0, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileStamp(FileStampKind.Missing, 0, 0);
        }
    }
}

/// <summary>What a <see cref="FileStamp"/> found.</summary>
internal enum FileStampKind
{
    Missing,
    File,
    Folder,
    Link,
}
