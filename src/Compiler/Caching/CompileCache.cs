using System.Collections.Concurrent;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Caching;

/// <summary>
/// target/'s memory of the last compile: per node, a key (template text, node, test arguments),
/// every input its render read (<see cref="RenderInputs"/>), the size and time of the compiled
/// file it wrote and that file's content. A node whose key and inputs read the same again, and
/// whose file is still the one written (same size and time), is not rendered again; its SQL is
/// the recorded content. Deleting either the cache or the file only means rendering again. A
/// cache that does not read cleanly, or was written by another build of forge or for another kind
/// of target, is ignored and replaced.
/// </summary>
internal sealed partial class CompileCache
{
    public const string FileName = "forge_compile_cache.bin";
    private const string Magic = "modelforge-compile-cache";
    // 2: input names and values in one table of distinct strings, entries refer to them by index.
    // 3: each entry holds its compiled file's content.
    private const int Format = 3;

    private readonly Dictionary<string, Entry> _previous;
    private readonly ConcurrentDictionary<string, Entry> _stored = new(StringComparer.Ordinal);
    private readonly StringTable _table;
    private readonly InputMemo _memo;
    private readonly string _stamp;
    private readonly bool _loaded;
    // Whether the file must be written again: something stored, or a previous entry dropped.
    private volatile bool _changed;

    private CompileCache(string stamp, Dictionary<string, Entry> previous, StringTable table, bool loaded)
    {
        _stamp = stamp;
        _previous = previous;
        _table = table;
        _loaded = loaded;
        _memo = new InputMemo(table);
    }

    /// <summary>
    /// The cache at <paramref name="path"/> when it was written with the same <paramref name="stamp"/>
    /// (forge's build and the target type); an empty one otherwise, silently.
    /// </summary>
    public static CompileCache Load(string path, string stamp) =>
        LoadWith(path, written => written == stamp) ?? new CompileCache(stamp, [], new StringTable([]), loaded: false);

    /// <summary>
    /// The cache at <paramref name="path"/> if its stamp is one <paramref name="accepts"/> takes (read before the
    /// stamp is known, <see cref="Stamp"/> says which it was), else null. A read no longer wanted stops at
    /// <paramref name="cancel"/> (OperationCanceledException).
    /// </summary>
    public static CompileCache? LoadWith(string path, Func<string, bool> accepts, CancellationToken cancel = default) =>
        CacheFile.TryRead(path, Magic, Format, accepts, (reader, stamp) =>
        {
            var table = StringTable.Read(reader);
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, Entry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                if (i % 1024 == 0) cancel.ThrowIfCancellationRequested();
                var id = reader.ReadString();
                entries[id] = Entry.Read(reader, table);
            }
            return new CompileCache(stamp, entries, table, loaded: true);
        });

    /// <summary>The build and target kind the cache was made for (or, when none was read, is being made for).</summary>
    public string Stamp => _stamp;

    /// <summary>
    /// Whether <paramref name="node"/>'s compiled file at <paramref name="file"/> is still what
    /// rendering it now would write; if so it is kept for the next cache and <paramref name="bytes"/>
    /// is the file's content (UTF-8) as written.
    /// </summary>
    /// <param name="root">The folder <paramref name="path"/> (the node's compiled file) is relative to: joined only when there is an entry to check.</param>
    public bool TryReuse(NodeCompiler compiler, ProjectNode node, string root, string path, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        if (!_previous.TryGetValue(node.UniqueId, out var entry)) return false;
        var holds = KeyOf(node) is { } key && key == entry.Key
                    && _memo.Holds(compiler, node, entry)
                    && CompiledFile.Matches(Path.Combine(root, path), entry.Length, entry.WrittenTicks);
        entry.State = holds ? Entry.Reused : Entry.Rejected;
        if (!holds) _changed = true;
        else bytes = entry.Code;
        return holds;
    }

    /// <summary>
    /// Remembers a render that succeeded and was written to <paramref name="file"/> as
    /// <paramref name="code"/> (UTF-8), unless it read something uncacheable; whether it was kept.
    /// </summary>
    public bool Store(ProjectNode node, RenderInputs inputs, string file, byte[] code)
    {
        // Stamped as CompiledFile.Matches checks it: the same call records and compares.
        if (inputs.Uncacheable is not null || FileStamp.Of(file) is not { Kind: FileStampKind.File } stamp) return false;
        return Store(node, inputs, stamp.Length, stamp.Ticks, code);
    }

    /// <summary>As <see cref="Store(ProjectNode, RenderInputs, string, byte[])"/>, with the file's length and last write time (UTC ticks) known from its write.</summary>
    public bool Store(ProjectNode node, RenderInputs inputs, long length, long writtenTicks, byte[] code)
    {
        if (inputs.Uncacheable is not null || KeyOf(node) is not { } key || code.Length != length) return false;
        _stored[node.UniqueId] = Entry.Of(key, inputs.Entries, length, writtenTicks, code);
        _changed = true;
        return true;
    }

    /// <summary>
    /// For each of <paramref name="ids"/> whose render this compile stored or reused, the inputs it recorded whose key
    /// begins with one of <paramref name="prefixes"/> (<see cref="RenderInputs"/>' kinds, such as bound macros); a node
    /// with no entry (not compiled, uncacheable, invalid) is absent. Call before <see cref="Save"/>, which re-indexes entries.
    /// </summary>
    public Dictionary<string, KeyValuePair<string, string>[]> RecordedInputs(IEnumerable<string> ids, params string[] prefixes)
    {
        var found = new Dictionary<string, KeyValuePair<string, string>[]>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (_stored.TryGetValue(id, out var stored)) found[id] = stored.InputsWith(_table, prefixes);
            else if (_previous.TryGetValue(id, out var previous) && previous.State == Entry.Reused) found[id] = previous.InputsWith(_table, prefixes);
        }
        return found;
    }

    /// <summary>
    /// Writes the entries reused or stored by this compile; a failure to write only loses the cache.
    /// A file that would be written unchanged (every entry checked was reused) is left as it is.
    /// </summary>
    public void Save(string path)
    {
        if (_loaded && !_changed) return;
        // Nodes this compile did not check keep what the last one knew of them. Loops, not LINQ over key/value
        // pairs: each such generic method is compiled at run time in a precompiled forge.
        var kept = 0;
        foreach (var (id, entry) in _previous)
        {
            if (Keeps(id, entry)) kept++;
        }
        var stored = _stored.ToArray();
        foreach (var (_, entry) in stored) entry.Intern(_table);
        CacheFile.TryWrite(path, Magic, Format, _stamp, writer =>
        {
            _table.Write(writer);
            writer.Write(kept + stored.Length);
            foreach (var (id, entry) in _previous)
            {
                if (!Keeps(id, entry)) continue;
                writer.Write(id);
                entry.Write(writer);
            }
            foreach (var (id, entry) in stored)
            {
                writer.Write(id);
                entry.Write(writer);
            }
        });
    }

    private bool Keeps(string id, Entry previous) => previous.State != Entry.Rejected && !_stored.ContainsKey(id);

    // Enum.ToString per node showed in profiles; the names are what the key always hashed (in value order, as
    // GetValues gave them; the non-generic call has precompiled code, GetValues<T>().Select() compiled at run time).
    private static readonly string[] ResourceTypeNames = Enum.GetNames(typeof(ResourceType));

    /// <summary>What identifies a node's render besides what it reads: its template and, for a generic test, its arguments.</summary>
    private static string? KeyOf(ProjectNode node)
    {
        if (node.TemplateSource is not { } source) return null;
        var kwargs = node.Test is { } test ? ValueFingerprint.Of(test.Kwargs) : "";
        if (kwargs is null) return null;
        // The template's own hash (computed once, the manifest's checksum too) stands for its text.
        return ContentHash.OfLines(node.UniqueId, ResourceTypeNames[(int)node.ResourceType], node.PackageName, kwargs, source.Sha256);
    }
}
