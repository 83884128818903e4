using System.IO.Enumeration;
using ModelForge.Compiler.Caching;

namespace ModelForge.Runner.Memo;

/// <summary>Lists what a <see cref="Scan"/> covers, in a fixed order, with sizes and times (no content read).</summary>
internal static class Scanner
{
    // Deep enough for any project; stops a symbolic link loop.
    private const int MaxDepth = 64;

    public static List<ScanEntry> List(Scan scan, string? skipFolder)
    {
        var found = new List<ScanEntry>();
        switch (scan.Mode)
        {
            case ScanMode.File or ScanMode.OutputFile or ScanMode.DatabaseFile:
                var info = new FileInfo(scan.Path);
                if (info.Exists) found.Add(new ScanEntry("", false, info.Length, info.LinkTarget is null ? info.LastWriteTimeUtc.Ticks : -1, ""));
                break;
            case ScanMode.Tree or ScanMode.OutputTree:
                Walk(scan.Path, "", recurse: true, _ => true, found, skipFolder, 0);
                break;
            case ScanMode.Yaml:
                Walk(scan.Path, "", recurse: false, e => !e.IsFolder && (e.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || e.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)), found, skipFolder, 0);
                break;
            case ScanMode.Folders:
                Walk(scan.Path, "", recurse: false, e => e.IsFolder, found, skipFolder, 0);
                break;
        }
        return found;
    }

    /// <summary>The absolute path of <paramref name="entry"/>, found by <paramref name="scan"/>.</summary>
    public static string FullPath(Scan scan, ScanEntry entry) => entry.Path.Length == 0 ? scan.Path : Path.Join(scan.Path, entry.Path);

    /// <summary>SHA-256 of the file's bytes (hex, 128 bits); empty when it cannot be read, which never matches a recorded hash.</summary>
    public static string Hash(string path)
    {
        try
        {
            Span<byte> hash = stackalloc byte[32];
            ContentHash.Sha256(File.ReadAllBytes(path), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // Entries carry their path relative to the scan's folder ('/'-separated): the memo stays small.
    /// <summary>SHA-256 of a text (hex, 128 bits): the memo keeps no argument or environment value in the clear.</summary>
    public static string HashText(string text) => ContentHash.Of(text);

    private static void Walk(string folder, string relative, bool recurse, Func<ScanEntry, bool> keep, List<ScanEntry> found, string? skipFolder, int depth)
    {
        if (depth > MaxDepth || !Directory.Exists(folder)) return;
        var prefix = relative.Length == 0 ? "" : relative + "/";
        var entries = new FileSystemEnumerable<ScanEntry>(folder, (ref FileSystemEntry e) => ToEntry(ref e, prefix),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var entry in entries)
        {
            var full = entry.IsFolder ? Path.Join(folder, entry.Path.AsSpan(prefix.Length)) : null;
            if (full is not null && full == skipFolder) continue;
            if (keep(entry)) found.Add(entry);
            if (recurse && full is not null) Walk(full, entry.Path, recurse, keep, found, skipFolder, depth + 1);
        }
    }

    private static ScanEntry ToEntry(ref FileSystemEntry entry, string prefix)
    {
        var name = prefix + entry.FileName.ToString();
        // A link to a folder is walked like discovery walks it; a link's own time is ignored.
        var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        var isFolder = entry.IsDirectory || (isLink && Directory.Exists(entry.ToFullPath()));
        return new ScanEntry(name, isFolder, isFolder ? 0 : entry.Length, isFolder ? 0 : isLink ? -1 : entry.LastWriteTimeUtc.UtcTicks, "");
    }
}
