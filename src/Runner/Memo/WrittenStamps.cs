using ModelForge.Runner.Execution;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The files an invocation wrote under one folder, with the length and last write time each write left (read from the
/// descriptor written through): the memo records these entries of the folder's listing without a stat each (19,383
/// compiled files at 10,000 models). A file changed after its write has another time than the one recorded, which the
/// next check sees; one removed since is not in the listing.
/// </summary>
internal sealed class WrittenStamps
{
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _paths;
    private readonly WrittenFile?[] _stamps;
    // By file name (a substring each, not a whole path: this runs on the critical path at the end of a compile), the
    // index of the last path with that name; _sameName chains the others.
    private Dictionary<string, int>? _byName;
    private int[] _sameName = [];

    /// <param name="folder">The folder (absolute) whose listing the stamps stand in for.</param>
    /// <param name="projectRoot">What <paramref name="paths"/> are relative to.</param>
    /// <param name="paths">The files written, relative to <paramref name="projectRoot"/>; those outside the folder are left out.</param>
    /// <param name="stamps">What each write left, by the index of its path; null where the file was not written here.</param>
    public WrittenStamps(string folder, string projectRoot, IReadOnlyList<string> paths, WrittenFile?[] stamps)
    {
        Folder = folder;
        _prefix = Path.GetRelativePath(projectRoot, folder) + "/";
        (_paths, _stamps) = (paths, stamps);
    }

    public string Folder { get; }

    /// <summary>
    /// Indexes the stamps; once, before any lookup. Only where paths are '/'-separated, as the memo's entries are:
    /// elsewhere every file is stat'ed.
    /// </summary>
    public void Index()
    {
        if (_byName is not null || Path.DirectorySeparatorChar != '/') return;
        var byName = new Dictionary<string, int>(_paths.Count, StringComparer.Ordinal);
        _sameName = new int[_paths.Count];
        for (var i = 0; i < _paths.Count; i++)
        {
            var path = _paths[i];
            if (_stamps[i] is null || !path.StartsWith(_prefix, StringComparison.Ordinal)) continue;
            var name = path[(path.LastIndexOf('/') + 1)..];
            _sameName[i] = byName.TryGetValue(name, out var other) ? other : -1;
            byName[name] = i;
        }
        _byName = byName;
    }

    /// <summary>
    /// The stamp of the file <paramref name="name"/> in <paramref name="folder"/> (relative to <see cref="Folder"/>,
    /// '/'-separated, empty for itself), if this invocation wrote it; null before <see cref="Index"/>.
    /// </summary>
    public WrittenFile? Find(string folder, string name)
    {
        if (_byName is null || !_byName.TryGetValue(name, out var i)) return null;
        for (; i >= 0; i = _sameName[i])
        {
            if (IsIn(_paths[i].AsSpan(_prefix.Length), folder, name)) return _stamps[i];
        }
        return null;
    }

    // Whether a path under the folder is folder/name (name alone for the folder itself).
    private static bool IsIn(ReadOnlySpan<char> path, string folder, string name) => folder.Length == 0
        ? path.Length == name.Length
        : path.Length == folder.Length + 1 + name.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/';
}
