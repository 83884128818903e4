using System.Text;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Analysis.Lineage;

// target/'s memory of the last column-lineage pass: per model, the hash of its compiled SQL, the
// relations its analysis looked up and a key over the SQL and the shapes (columns, origins, open
// parts) those lookups answered. A model whose SQL hashes the same and whose lookups answer the
// same shapes again gets the same lineage (the analyzer is a function of those), so it is neither
// parsed nor analysed. The stamp (forge's build, the parser's dialect) invalidates everything; a
// file that does not read cleanly is ignored and replaced.
internal sealed partial class LineageCache
{
    public const string FileName = "forge_lineage_cache.bin";
    private const string Magic = "modelforge-lineage-cache";
    // 2: the pass key (ColumnLineageBuilder.PassKey) before the entries.
    private const int Format = 2;

    private readonly string _stamp;
    private readonly Dictionary<string, Entry> _previous;
    private readonly Dictionary<string, Entry> _next = new(StringComparer.Ordinal);
    // The last pass's key over all its inputs ("" when none was recorded).
    private readonly string _lastPass;

    private LineageCache(string stamp, Dictionary<string, Entry> previous, string lastPass)
    {
        _stamp = stamp;
        _previous = previous;
        _lastPass = lastPass;
    }

    // This pass's key over all its inputs (ColumnLineageBuilder.PassKey), saved with its entries.
    public string Pass { get; set; } = "";

    // Whether Covers found the last pass's inputs (for tests and timings).
    public bool TakenWhole { get; private set; }

    // Whether the last pass had this pass's inputs (its key is Pass) and left an entry for each of these models with
    // their SQL: then each entry holds as it stands.
    public bool Covers(IReadOnlyList<string> models, string[] sqlHashes)
    {
        if (_lastPass.Length == 0 || _lastPass != Pass || models.Count != _previous.Count) return false;
        for (var i = 0; i < models.Count; i++)
        {
            if (Find(models[i], sqlHashes[i]) is null) return false;
        }
        return TakenWhole = true;
    }

    // Models whose last entry was reused or replaced by this pass.
    public int Reused { get; private set; }

    // Whether this pass made an entry of its own (otherwise it reused some or all of the last ones).
    private bool _stored;

    public static string StampFor(IQueryParser parser) =>
        $"{BuildStamp}{parser.GetType().Assembly.ManifestModule.ModuleVersionId}|{parser.Dialect}";

    public static LineageCache Empty(string stamp) => new(stamp, [], "");

    public static LineageCache Load(string path, string stamp) => LoadWith(path, written => written == stamp) ?? Empty(stamp);

    // The cache at path if its stamp is one accepts takes (read before the parser is known; Stamp says which), else null.
    // A read no longer wanted stops at cancel (OperationCanceledException).
    public static LineageCache? LoadWith(string path, Func<string, bool> accepts, CancellationToken cancel = default) =>
        CacheFile.TryRead(path, Magic, Format, accepts, (reader, stamp) =>
        {
            var pass = reader.ReadString();
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, Entry>(count, StringComparer.Ordinal);
            var strings = new Strings();
            for (var i = 0; i < count; i++)
            {
                if (i % 1024 == 0) cancel.ThrowIfCancellationRequested();
                var id = strings.Read(reader);
                entries[id] = ReadEntry(reader, id, strings);
            }
            return new LineageCache(stamp, entries, pass);
        });

    // This build's part of every stamp (StampFor): a file from another build is not worth reading ahead.
    public static string BuildStamp => $"{typeof(LineageCache).Assembly.ManifestModule.ModuleVersionId}|";

    public string Stamp => _stamp;

    // The last entry for nodeId if its SQL is unchanged.
    public Entry? Find(string nodeId, string sqlHash) =>
        _previous.TryGetValue(nodeId, out var entry) && entry.SqlHash == sqlHash ? entry : null;

    // Whether the catalog, as it stands now, answers the lookups of the entry of a model reading dependsOn
    // with the shapes it was built on. Thread-safe while the catalog's columns are not being set.
    public static bool Holds(Entry entry, ProjectRelationCatalog catalog, IReadOnlyList<string> dependsOn)
    {
        if (entry.Lineage is null) return entry.Key == entry.SqlHash;
        var text = _keyText ??= new StringBuilder();
        text.Clear().Append(entry.SqlHash);
        foreach (var lookup in entry.Lookups)
        {
            AppendLookup(text, lookup);
            catalog.AppendKey(text, lookup.Table, dependsOn);
        }
        return entry.Key == ContentHash.Of(text.ToString());
    }

    // Per thread, for Holds: Held checks models on all cores.
    [ThreadStatic]
    private static StringBuilder? _keyText;

    public void Reuse(string nodeId, Entry entry)
    {
        _next[nodeId] = entry;
        Reused++;
    }

    public void Store(string nodeId, Entry entry)
    {
        _next[nodeId] = entry;
        _stored = true;
    }

    // One builder per thread, hashed in place: a key's text is ~2 KB a model, made for each model analysed (43 MB of
    // builders and strings in a 10,000-model pass), and only its hash is kept.
    [ThreadStatic] private static StringBuilder? t_key;

    public static string KeyOf(string sqlHash, IReadOnlyList<Lookup> lookups, IReadOnlyList<Shape> shapes)
    {
        var text = (t_key ??= new StringBuilder(4096)).Clear().Append(sqlHash);
        for (var i = 0; i < lookups.Count; i++)
        {
            AppendLookup(text, lookups[i]);
            ProjectRelationCatalog.AppendKey(text, shapes[i]);
        }
        var key = ContentHash.Of(text);
        // A huge key does not pin a huge builder to the thread.
        if (text.Capacity > 256 * 1024) t_key = null;
        return key;
    }

    private static void AppendLookup(StringBuilder text, Lookup lookup) =>
        text.Append('\n').Append(lookup.Schema).Append('\u0001').Append(lookup.Name).Append('\u0001');

    // Writes the entries of this pass; a failure to write only loses the cache. A pass that reused
    // every last entry, with the last pass's inputs, would write the file again as it is: it is left alone.
    public void Save(string path)
    {
        if (!_stored && _next.Count == _previous.Count && _previous.Count > 0 && Pass == _lastPass && File.Exists(path)) return;
        Write(path);
    }

    private void Write(string path) =>
        CacheFile.TryWrite(path, Magic, Format, _stamp, writer =>
        {
            writer.Write(Pass);
            writer.Write(_next.Count);
            foreach (var (id, entry) in _next)
            {
                writer.Write(id);
                WriteEntry(writer, entry);
            }
        });

    private static void WriteEntry(BinaryWriter writer, Entry entry)
    {
        writer.Write(entry.SqlHash);
        writer.Write(entry.Key);
        writer.Write(entry.Lookups.Length);
        foreach (var lookup in entry.Lookups)
        {
            WriteOptional(writer, lookup.Schema);
            writer.Write(lookup.Name);
        }
        WriteOptional(writer, entry.Error);
        WriteOptional(writer, entry.NotAQuery);
        writer.Write(entry.Lineage is not null);
        if (entry.Lineage is not { } lineage) return;
        WriteOptional(writer, lineage.Unresolved);
        writer.Write(lineage.Columns.Count);
        foreach (var column in lineage.Columns)
        {
            writer.Write(column.Name);
            WriteOptional(writer, column.Unresolved);
            writer.Write(column.Upstream.Count);
            foreach (var origin in column.Upstream)
            {
                writer.Write(origin.Node);
                writer.Write(origin.Column);
                writer.Write((byte)origin.Kind);
            }
        }
    }

    private static Entry ReadEntry(BinaryReader reader, string nodeId, Strings strings)
    {
        var sqlHash = reader.ReadString();
        var key = reader.ReadString();
        var lookups = new Lookup[reader.ReadInt32()];
        for (var i = 0; i < lookups.Length; i++) lookups[i] = new Lookup(strings.ReadOptional(reader), strings.Read(reader));
        var error = ReadOptional(reader);
        var notAQuery = ReadOptional(reader);
        if (!reader.ReadBoolean()) return new Entry(sqlHash, key, lookups, null, error, notAQuery);
        var unresolved = ReadOptional(reader);
        var columns = new ColumnLineage[reader.ReadInt32()];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = strings.Read(reader);
            var columnUnresolved = ReadOptional(reader);
            var upstream = new ColumnOrigin[reader.ReadInt32()];
            for (var j = 0; j < upstream.Length; j++)
            {
                var node = strings.Read(reader);
                var column = strings.Read(reader);
                var kind = reader.ReadByte();
                if (!Enum.IsDefined(typeof(LineageKind), (int)kind)) throw new FormatException($"unknown lineage kind {kind}");
                upstream[j] = new ColumnOrigin(node, column, (LineageKind)kind);
            }
            columns[i] = new ColumnLineage(name, upstream, columnUnresolved);
        }
        return new Entry(sqlHash, key, lookups, new ModelLineage(nodeId, columns, unresolved), error, notAQuery);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
