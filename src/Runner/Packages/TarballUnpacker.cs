using System.Formats.Tar;
using System.IO.Compression;

namespace ModelForge.Runner.Packages;

/// <summary>
/// Unpacks a .tar.gz package into a folder and finds the project in it: hub tarballs hold one
/// top-level folder (dbt-utils-1.1.1/), which is the package. Entries that would land outside the
/// folder are refused.
/// </summary>
internal static class TarballUnpacker
{
    /// <summary>The folder holding the package's files. Throws <see cref="InvalidDataException"/> for a bad archive.</summary>
    public static string Unpack(string archive, string destination)
    {
        Directory.CreateDirectory(destination);
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        try
        {
            using var file = File.OpenRead(archive);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                var target = Path.GetFullPath(Path.Combine(destination, entry.Name));
                if (!target.StartsWith(root, StringComparison.Ordinal) && target + Path.DirectorySeparatorChar != root)
                    throw new InvalidDataException($"the entry '{entry.Name}' points outside the package folder");
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(target);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        entry.ExtractToFile(target, overwrite: true);
                        break;
                    // Links, devices and global headers are not part of a dbt package; skip them.
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw new InvalidDataException(e is InvalidDataException ? e.Message : "it is not a gzip-compressed tar archive: " + e.Message, e);
        }
        var folders = Directory.GetDirectories(destination);
        var files = Directory.GetFiles(destination);
        if (folders.Length == 0 && files.Length == 0) throw new InvalidDataException("the archive is empty");
        return folders.Length == 1 && files.Length == 0 ? folders[0] : destination;
    }
}
