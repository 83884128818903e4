using System.IO.Enumeration;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Runner.Memo;

/// <summary>Lists what a <see cref="Scan"/> covers, in a fixed order, with sizes and times (no content read).</summary>
internal static class Scanner
{
    // Deep enough for any project; stops a symbolic link loop.
    private const int MaxDepth = 64;

    /// <summary>
    /// The entries of <paramref name="scan"/>; a folder's entry holds its ctime when the scan is a tree
    /// (<see cref="TrustedChangeTicks"/> against <paramref name="startedTicks"/>), 0 otherwise.
    /// A subfolder is stat'ed (as an entry of its parent) before it is listed: a change between the two
    /// leaves a recorded ctime older than the folder's, which the next check sees.
    /// </summary>
    /// <param name="written">Files this invocation wrote under the scan's folder: their entries take the stamps the writes left, no stat.</param>
    public static List<ScanEntry> List(Scan scan, string? skipFolder, long startedTicks, WrittenStamps? written = null)
    {
        var found = new List<ScanEntry>();
        switch (scan.Mode)
        {
            case ScanMode.File or ScanMode.OutputFile or ScanMode.DatabaseFile:
                var stamp = MemoStat.Of(scan.Path);
                if (stamp.Kind is FileStampKind.File or FileStampKind.Link)
                    found.Add(new ScanEntry("", false, stamp.Length, stamp.Kind == FileStampKind.Link ? -1 : stamp.Ticks, ""));
                break;
            case ScanMode.Tree or ScanMode.OutputTree:
                Walk(scan.Path, "", recurse: true, _ => true, found, skipFolder, 0, startedTicks, written);
                break;
            case ScanMode.Yaml:
                Walk(scan.Path, "", recurse: false, e => !e.IsFolder && (e.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || e.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)), found, skipFolder, 0, 0);
                break;
            case ScanMode.Folders:
                Walk(scan.Path, "", recurse: false, e => e.IsFolder, found, skipFolder, 0, 0);
                break;
        }
        return found;
    }

    /// <summary>
    /// The ctime of the folder <paramref name="scan"/> lists (trusted as <see cref="TrustedChangeTicks"/>), or 0
    /// for a one-file scan or a folder that is missing or a link. Taken before the folder is listed.
    /// </summary>
    public static long FolderTicks(Scan scan, long startedTicks)
    {
        if (scan.Mode is ScanMode.File or ScanMode.OutputFile or ScanMode.DatabaseFile) return 0;
        var stat = MemoStat.Of(scan.Path);
        return stat.Kind == FileStampKind.Folder ? TrustedChangeTicks(stat.ChangeTicks, startedTicks) : 0;
    }

    /// <summary>
    /// A folder's ctime when it proves something, else 0: it must be older than the invocation's start by
    /// the racy window, so that any later change to the folder, stamped by a clock that may lag a tick,
    /// still carries a later time.
    /// </summary>
    public static long TrustedChangeTicks(long ticks, long startedTicks)
    {
        if (ticks <= 0) return 0;
        var window = InvocationMemo.RacyWindowFor(ticks);
        return ticks < startedTicks - window.Ticks ? ticks : 0;
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
            return Hex.Lower(hash[..16]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // Entries carry their path relative to the scan's folder ('/'-separated): the memo stays small.
    /// <summary>SHA-256 of a text (hex, 128 bits): the memo keeps no argument or environment value in the clear.</summary>
    public static string HashText(string text) => ContentHash.Of(text);

    // startedTicks: 0 records no folder ctime (scans that do not list their subfolders).
    private static void Walk(string folder, string relative, bool recurse, Func<ScanEntry, bool> keep, List<ScanEntry> found, string? skipFolder, int depth, long startedTicks,
        WrittenStamps? written = null)
    {
        if (depth > MaxDepth || !Directory.Exists(folder)) return;
        if (recurse) Flatten(ListTree(folder, relative, skipFolder, depth, startedTicks, written), relative, keep, found);
        else found.AddRange(ListFolder(folder, relative, skipFolder, startedTicks).OfType<ScanEntry>().Where(keep));
    }

    // Each folder's entries in order, by the folder's path relative to the scan. Listed a level at a
    // time, each level's folders in parallel: a stat is a system call, and the compiled tree alone has
    // ~19,400 files at 10,000 models. One flat loop per level, so no worker waits on another's loop.
    private static Dictionary<string, ScanEntry?[]> ListTree(string folder, string relative, string? skipFolder, int depth, long startedTicks, WrittenStamps? written)
    {
        var listings = new Dictionary<string, ScanEntry?[]>(StringComparer.Ordinal);
        var level = new List<(string Folder, string Relative)> { (folder, relative) };
        for (; level.Count > 0 && depth <= MaxDepth; depth++)
        {
            var listed = new ScanEntry?[level.Count][];
            ParallelLoop.For(level.Count, i => listed[i] = ListFolder(level[i].Folder, level[i].Relative, skipFolder, startedTicks, written), alone: 2);
            var next = new List<(string, string)>();
            for (var i = 0; i < level.Count; i++)
            {
                listings[level[i].Relative] = listed[i];
                var prefixLength = level[i].Relative.Length == 0 ? 0 : level[i].Relative.Length + 1;
                foreach (var entry in listed[i])
                    if (entry is { IsFolder: true }) next.Add((Path.Join(level[i].Folder, entry.Path.AsSpan(prefixLength)), entry.Path));
            }
            level = next;
        }
        return listings;
    }

    // Depth first, a folder's entry before its contents: the order the memo records.
    private static void Flatten(Dictionary<string, ScanEntry?[]> listings, string relative, Func<ScanEntry, bool> keep, List<ScanEntry> found)
    {
        foreach (var entry in listings[relative])
        {
            if (entry is null) continue;
            if (keep(entry)) found.Add(entry);
            if (entry.IsFolder && listings.ContainsKey(entry.Path)) Flatten(listings, entry.Path, keep, found);
        }
    }

    // The folder's entries sorted by name, each with its stamp (null for the skipped folder): names
    // come from the directory itself, no stat until FileStamp's one per entry, none for a file written here.
    private static ScanEntry?[] ListFolder(string folder, string relative, string? skipFolder, long startedTicks, WrittenStamps? written = null)
    {
        var prefix = relative.Length == 0 ? "" : relative + "/";
        string[] names;
        try
        {
            names = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry e) => e.FileName.ToString(),
                new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone since its parent was listed (the parent lists differently next time) or unreadable: empty.
            return [];
        }
        Array.Sort(names, StringComparer.Ordinal);
        var entries = new ScanEntry?[names.Length];
        // Each name stat'ed relative to the folder's descriptor: no absolute path string per entry (~19,400 in the
        // compiled tree at 10,000 models), and the kernel walks only the name. By path where that cannot be done.
        var opened = LinuxStat.OpenFolder(folder);
        try
        {
            Span<byte> name = stackalloc byte[1024];
            for (var i = 0; i < names.Length; i++)
            {
                if (skipFolder is not null && skipFolder.EndsWith(names[i], StringComparison.Ordinal) && Path.Join(folder, names[i]) == skipFolder) continue;
                if (written?.Find(relative, names[i]) is { } stamp)
                {
                    entries[i] = new ScanEntry(prefix + names[i], false, stamp.Length, stamp.WrittenTicks, "");
                    continue;
                }
                var stat = opened >= 0 && LinuxStat.Utf8WithNul(names[i], name) is var length and > 0 ? MemoStat.Of(name[..length], opened) : null;
                entries[i] = ToEntry(prefix + names[i], folder, names[i], stat ?? MemoStat.Of(Path.Join(folder, names[i])), startedTicks);
            }
        }
        finally
        {
            LinuxStat.CloseFolder(opened);
        }
        return entries;
    }

    // A link to a folder is walked like discovery walks it (no ctime: the link's own says nothing of
    // its target's listing); a link's own time is ignored (-1), as is the time of a file gone between
    // listing and stat (its hash, "", matches nothing). A folder's Ticks is its trusted ctime.
    private static ScanEntry ToEntry(string relative, string folder, string name, MemoStat stamp, long startedTicks) => stamp.Kind switch
    {
        FileStampKind.Folder => new ScanEntry(relative, true, 0, TrustedChangeTicks(stamp.ChangeTicks, startedTicks), ""),
        FileStampKind.Link when Directory.Exists(Path.Join(folder, name)) => new ScanEntry(relative, true, 0, 0, ""),
        FileStampKind.File => new ScanEntry(relative, false, stamp.Length, stamp.Ticks, ""),
        _ => new ScanEntry(relative, false, stamp.Length, -1, ""),
    };
}
