using System.Collections.Concurrent;

namespace ModelForge.Compiler.Project;

public sealed partial class ConfigResolver
{
    // Every node of a folder walks the same config tree levels down to its own name: that walk (and the
    // defaults it starts from) is done once per folder and copied per node, not redone per node. One table
    // per resource type and kind of key, keyed by string: the framework's precompiled code serves it, where
    // a value-tuple key had each of its methods JIT-compiled on every run.
    private readonly ConcurrentDictionary<string, FolderLevel>[] _folderLevels = NewFolderLevels();

    private static ConcurrentDictionary<string, FolderLevel>[] NewFolderLevels()
    {
        var tables = new ConcurrentDictionary<string, FolderLevel>[2 * Enum.GetValues(typeof(ResourceType)).Length];
        for (var i = 0; i < tables.Length; i++) tables[i] = new ConcurrentDictionary<string, FolderLevel>(StringComparer.Ordinal);
        return tables;
    }

    /// <summary>
    /// The config of the tree levels above a node's name: <see cref="Defaults"/> with the configs of
    /// [project, folder…] applied, and the tree level where the name is looked up (null when the walk
    /// left the tree before it).
    /// </summary>
    private sealed record FolderLevel(Dictionary<string, object?> Config, IReadOnlyDictionary<string, object?>? NameLevel);

    /// <summary>
    /// Defaults plus the tree at [project, <paramref name="folders"/>…, <paramref name="name"/>], as
    /// <see cref="ApplyTree"/> from a fresh <see cref="Defaults"/> would give it, in a new dictionary
    /// the caller owns. <paramref name="key"/> names the folders (equal folders, equal key): the folder
    /// names joined, or the path of the YAML file they come from (<paramref name="byYamlPath"/>).
    /// </summary>
    private Dictionary<string, object?> TreeConfig(ResourceType type, string key, bool byYamlPath, IReadOnlyList<string> folders, string name)
    {
        var levels = _folderLevels[2 * (int)type + (byYamlPath ? 1 : 0)];
        var level = levels.TryGetValue(key, out var found) ? found : levels.GetOrAdd(key, WalkFolders(type, folders));
        // Room for what the later layers add: a model's config() calls may add several keys, a test's YAML a few.
        var room = type == ResourceType.Test ? level.Config.Count + 4 : Math.Max(16, level.Config.Count + 4);
        var config = new Dictionary<string, object?>(room, StringComparer.Ordinal);
        foreach (var (k, value) in level.Config) config[k] = OwnCopy(k, value);
        // The name's own entry below the last folder, read as ApplyTree reads it (a config key is never a folder).
        if (level.NameLevel is null) return config;
        foreach (var (k, value) in level.NameLevel)
        {
            if (k == name && !IsConfigKey(k, value)) ApplyTree(config, (IReadOnlyDictionary<string, object?>)value!, [], 0);
        }
        return config;
    }

    private FolderLevel WalkFolders(ResourceType type, IReadOnlyList<string> folders)
    {
        var config = Defaults(type);
        var path = new List<string>(folders.Count + 1) { _project.Name };
        path.AddRange(folders);
        return new FolderLevel(config, ApplyTree(config, Tree(_project, type), path, 0));
    }

    // What Defaults and Merge make afresh for each node (lists that accumulate, maps that merge) stays
    // each node's own: a template may change its config's lists or maps in place.
    private static object? OwnCopy(string key, object? value) => value switch
    {
        List<object?> list when AppendKeys.Contains(key) => new List<object?>(list),
        Dictionary<string, object?> map when key == "grants" => map.ToDictionary(
            p => p.Key, p => p.Value is List<object?> grantees ? new List<object?>(grantees) : p.Value, StringComparer.Ordinal),
        Dictionary<string, object?> map when UpdateKeys.Contains(key) => new Dictionary<string, object?>(map, StringComparer.Ordinal),
        _ => value,
    };
}
