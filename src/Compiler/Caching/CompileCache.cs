using System.Collections.Concurrent;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// target/'s memory of the last compile: per node, a key (template text, node, test arguments),
/// every input its render read (<see cref="RenderInputs"/>) and the size and time of the compiled
/// file it wrote. A node whose key and inputs read the same again, and whose file is still the
/// one written, is not rendered again. The file is the cache's storage: deleting either the cache
/// or the file only means rendering again. A cache that does not read cleanly, or was written by
/// another build of forge or for another kind of target, is ignored and replaced.
/// </summary>
internal sealed class CompileCache
{
    public const string FileName = "forge_compile_cache.bin";
    private const string Magic = "modelforge-compile-cache";
    private const int Format = 1;

    private readonly Dictionary<string, Entry> _previous;
    private readonly ConcurrentDictionary<string, Entry> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _visited = new(StringComparer.Ordinal);
    private readonly string _stamp;

    private CompileCache(string stamp, Dictionary<string, Entry> previous)
    {
        _stamp = stamp;
        _previous = previous;
    }

    private sealed record Entry(string Key, KeyValuePair<string, string>[] Inputs, long Length, long WrittenTicks);

    /// <summary>
    /// The cache at <paramref name="path"/> when it was written with the same <paramref name="stamp"/>
    /// (forge's build and the target type); an empty one otherwise, silently.
    /// </summary>
    public static CompileCache Load(string path, string stamp) =>
        CacheFile.TryRead(path, Magic, Format, stamp, reader =>
        {
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, Entry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                var key = reader.ReadString();
                var inputs = new KeyValuePair<string, string>[reader.ReadInt32()];
                for (var j = 0; j < inputs.Length; j++) inputs[j] = new(reader.ReadString(), reader.ReadString());
                entries[id] = new Entry(key, inputs, reader.ReadInt64(), reader.ReadInt64());
            }
            return new CompileCache(stamp, entries);
        }) ?? new CompileCache(stamp, []);

    /// <summary>
    /// Whether <paramref name="node"/>'s compiled file at <paramref name="file"/> is still what
    /// rendering it now would write; if so it is kept for the next cache.
    /// </summary>
    public bool TryReuse(NodeCompiler compiler, ProjectNode node, string file)
    {
        _visited[node.UniqueId] = true;
        if (!_previous.TryGetValue(node.UniqueId, out var entry) || KeyOf(node) is not { } key || key != entry.Key) return false;
        var info = new FileInfo(file);
        if (!info.Exists || info.Length != entry.Length || info.LastWriteTimeUtc.Ticks != entry.WrittenTicks) return false;
        if (!InputCheck.Holds(compiler.Info, compiler.InfoFor(node), entry.Inputs)) return false;
        _next[node.UniqueId] = entry;
        return true;
    }

    /// <summary>Remembers a render that succeeded and was written to <paramref name="file"/>, unless it read something uncacheable.</summary>
    public void Store(ProjectNode node, RenderInputs inputs, string file)
    {
        if (inputs.Uncacheable is not null || KeyOf(node) is not { } key) return;
        var info = new FileInfo(file);
        if (!info.Exists) return;
        _next[node.UniqueId] = new Entry(key, inputs.Entries.ToArray(), info.Length, info.LastWriteTimeUtc.Ticks);
    }

    /// <summary>Writes the entries reused or stored by this compile; a failure to write only loses the cache.</summary>
    public void Save(string path) =>
        CacheFile.TryWrite(path, Magic, Format, _stamp, writer =>
        {
            // Nodes this compile did not select keep what the last one knew of them.
            var entries = _next.Concat(_previous.Where(p => !_visited.ContainsKey(p.Key))).ToArray();
            writer.Write(entries.Length);
            foreach (var (id, entry) in entries)
            {
                writer.Write(id);
                writer.Write(entry.Key);
                writer.Write(entry.Inputs.Length);
                foreach (var (name, value) in entry.Inputs)
                {
                    writer.Write(name);
                    writer.Write(value);
                }
                writer.Write(entry.Length);
                writer.Write(entry.WrittenTicks);
            }
        });

    /// <summary>What identifies a node's render besides what it reads: its template and, for a generic test, its arguments.</summary>
    private static string? KeyOf(ProjectNode node)
    {
        if (node.Template is not { } template) return null;
        var kwargs = node.Test is { } test ? ValueFingerprint.Of(test.Kwargs) : "";
        if (kwargs is null) return null;
        return ContentHash.Of($"{node.UniqueId}\n{node.ResourceType}\n{node.PackageName}\n{kwargs}\n{template.Source.Text}");
    }
}
