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
    private Dictionary<string, int>? _byPath;

    /// <param name="folder">The folder (absolute) whose listing the stamps stand in for.</param>
    /// <param name="projectRoot">What <paramref name="paths"/> are relative to.</param>
    /// <param name="paths">The files written, relative to <paramref name="projectRoot"/>; those outside the folder are left out.</param>
    /// <param name="stamps">What each write left, by the index of its path; null where the file was not written here.</param>
    public WrittenStamps(string folder, string projectRoot, IReadOnlyList<string> paths, WrittenFile?[] stamps)
    {
        Folder = folder;
        _prefix = Path.GetRelativePath(projectRoot, folder).Replace('\\', '/') + "/";
        (_paths, _stamps) = (paths, stamps);
    }

    public string Folder { get; }

    /// <summary>Indexes the stamps by path relative to <see cref="Folder"/> ('/'-separated, as the memo's entries); once, before any lookup.</summary>
    public void Index()
    {
        if (_byPath is not null) return;
        var byPath = new Dictionary<string, int>(_paths.Count, StringComparer.Ordinal);
        for (var i = 0; i < _paths.Count; i++)
        {
            var path = Path.DirectorySeparatorChar == '/' ? _paths[i] : _paths[i].Replace('\\', '/');
            if (_stamps[i] is not null && path.StartsWith(_prefix, StringComparison.Ordinal)) byPath[path[_prefix.Length..]] = i;
        }
        _byPath = byPath;
    }

    /// <summary>The stamp of the file at <paramref name="relativePath"/> under <see cref="Folder"/>, if this invocation wrote it (after <see cref="Index"/>).</summary>
    public WrittenFile? Find(string relativePath) =>
        _byPath is not null && _byPath.TryGetValue(relativePath, out var i) ? _stamps[i] : null;
}
