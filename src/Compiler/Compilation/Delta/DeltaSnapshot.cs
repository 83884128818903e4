using System.Buffers.Binary;
using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// target/forge_&lt;command&gt;_delta.bin: what a full compile, parse or ls knew that taking an edit of one of its
/// models needs (<see cref="DeltaProject"/>, and a <see cref="DeltaModel"/> per model whose text the static parser
/// read), so that after an edit of model files alone the command handles just those (compile renders them). It
/// belongs to the invocation memo written by the same command (<see cref="Generation"/>): only that memo, verified,
/// says the project is otherwise as this snapshot saw it.
/// </summary>
internal sealed class DeltaSnapshot
{
    /// <summary>The snapshot's file name in target/: one per command (compile, parse, ls), as their memos.</summary>
    public static string FileNameFor(string command) => $"forge_{command}_delta.bin";
    private const string Magic = "forge-compile-delta";
    private const int Format = 2;

    /// <summary>A fresh id per full command, recorded by the invocation memo too.</summary>
    public required string Generation { get; init; }

    public required DeltaProject Project { get; init; }

    /// <summary>The macros as the command saw them: each file's, who bound them (compile), and those no delta follows.</summary>
    public required DeltaMacros Macros { get; init; }

    // Each model's record after its file's path in the project (as the loader names it), and the relation table, kept
    // as read and decoded when asked for: a delta looks up one or two models, so no string or entry is made per model.
    private ReadOnlyMemory<byte> _models;
    private int _modelCount;
    private ReadOnlyMemory<byte>[] _relations = [];

    private int[]? _starts;

    /// <summary>
    /// The model whose file is <paramref name="fullPath"/> and its <paramref name="index"/> among the snapshot's models
    /// (as <see cref="DeltaMacros.Binders"/> name them), or null when the command did not record one.
    /// </summary>
    public DeltaModel? ModelAt(string fullPath, out int index)
    {
        var path = System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(Project.ProjectRoot, fullPath).Replace('\\', '/'));
        index = -1;
        try
        {
            var models = _models.Span;
            var starts = Starts();
            for (var i = 0; i < starts.Length; i++)
            {
                var record = Entry(models, starts[i], out var key);
                if (!key.SequenceEqual(path)) continue;
                index = i;
                return DeltaRecords.ReadModel(record, RelationAt, Project.TargetPath);
            }
            return null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The snapshot's model <paramref name="index"/> with its file's project-relative path; null when there is none such or it does not read.</summary>
    public (string Path, DeltaModel Model)? ModelAt(int index)
    {
        try
        {
            var starts = Starts();
            if (index < 0 || index >= starts.Length) return null;
            var record = Entry(_models.Span, starts[index], out var key);
            return (System.Text.Encoding.UTF8.GetString(key), DeltaRecords.ReadModel(record, RelationAt, Project.TargetPath));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // Each model: its path's length and bytes, its record's length and bytes. Where each begins, found once.
    private int[] Starts()
    {
        if (_starts is { } known) return known;
        var models = _models.Span;
        var starts = new int[_modelCount];
        for (var (i, at) = (0, 0); i < _modelCount; i++)
        {
            starts[i] = at;
            var pathLength = BinaryPrimitives.ReadInt32LittleEndian(models[at..]);
            at += 8 + pathLength + BinaryPrimitives.ReadInt32LittleEndian(models[(at + 4 + pathLength)..]);
        }
        return _starts = starts;
    }

    // The record of the model at <paramref name="at"/>, and its file's path.
    private static ReadOnlySpan<byte> Entry(ReadOnlySpan<byte> models, int at, out ReadOnlySpan<byte> path)
    {
        var pathLength = BinaryPrimitives.ReadInt32LittleEndian(models[at..]);
        var recordLength = BinaryPrimitives.ReadInt32LittleEndian(models[(at + 4 + pathLength)..]);
        path = models.Slice(at + 4, pathLength);
        return models.Slice(at + 8 + pathLength, recordLength);
    }

    private Relation RelationAt(int index) => DeltaRecords.ReadRelation(_relations[index].Span);

    /// <summary>
    /// Writes the snapshot of <paramref name="project"/>'s models among <paramref name="nodes"/> (for compile: those
    /// it compiled without errors) to <paramref name="path"/>; null when the project holds something a snapshot
    /// cannot keep (then no delta is possible and none is written), else its generation. <paramref name="renders"/>:
    /// whether models are rendered from it (compile), which keeps their relations, configs and resolved calls.
    /// <paramref name="recorded"/>: per node compiled, what its render recorded of the kinds the snapshot keeps (compile only).
    /// </summary>
    public static string? Write(string path, CompiledProject project, IEnumerable<ProjectNode> nodes, bool renders,
        IReadOnlyDictionary<string, KeyValuePair<string, string>[]>? recorded = null)
    {
        CacheFile.Delete(path);
        if (DeltaRecords.ProjectOf(project) is not { } shared || DeltaRecords.WriteProject(shared) is not { } sharedRecord) return null;
        // Left out: a model under unit test (its unit tests render its text too) and a file that defines two
        // nodes (versions of one model): an edit of either changes more than one model's SQL.
        var tested = new HashSet<string>(StringComparer.Ordinal);
        var nodesPerFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in project.Nodes.Values)
        {
            if (node.UnitTest is { } test) tested.Add(test.ModelId);
            if (node.File is not null) nodesPerFile[node.Path] = nodesPerFile.TryGetValue(node.Path, out var count) ? count + 1 : 1;
        }
        var models = nodes.Where(n => n.ResourceType == ResourceType.Model && n.File is not null && (n.StaticCalls ?? n.RenderedCalls) is not null
                                      && !tested.Contains(n.UniqueId) && nodesPerFile[n.Path] == 1).ToList();
        // Relations by reference, each written once: a ref renders its target node's one relation object. The table
        // is made before the records, which then only read it (a shared table filled under a lock was a third of the
        // snapshot's time, the records' threads waiting on each other).
        var table = new Dictionary<Relation, int>(ReferenceEqualityComparer.Instance);
        var order = new List<Relation>();
        if (renders)
        {
            foreach (var node in project.Nodes.Values)
            {
                if (node.ResourceType is ResourceType.Model or ResourceType.Seed or ResourceType.Snapshot or ResourceType.Source && table.TryAdd(node.Relation, order.Count))
                    order.Add(node.Relation);
            }
        }
        int Index(Relation relation) => table.TryGetValue(relation, out var index) ? index : -1;
        var records = new (byte[] Path, byte[]? Record)[models.Count];
        ParallelLoop.For(models.Count, i =>
        {
            var record = DeltaRecords.WriteModel(project, models[i], renders ? Index : null, IncrementalAnswer(recorded, models[i].UniqueId));
            records[i] = (record is null ? [] : System.Text.Encoding.UTF8.GetBytes(models[i].Path), record);
        });
        var relations = order.ToArray();
        // The models kept, by their index among the snapshot's records: how the macro section names them.
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i].Record is not null) kept[models[i].UniqueId] = kept.Count;
        }
        var macros = DeltaMacros.Of(project, shared, kept, nodes, recorded);
        var generation = Guid.NewGuid().ToString("N");
        var written = CacheFile.TryWrite(path, Magic, Format, Stamp, writer =>
        {
            writer.Write(generation);
            writer.Write(sharedRecord.Length);
            writer.Write(sharedRecord);
            writer.Write(relations.Length);
            foreach (var relation in relations)
            {
                var bytes = DeltaRecords.WriteRelation(relation);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
            // The models' count and length come first: summed here, so the records go to the file as they are
            // (a body gathered in memory first was 4 MB grown by doubling, then copied).
            var (count, length) = (0, 0);
            foreach (var (key, record) in records)
            {
                if (record is null) continue;
                count++;
                length = checked(length + 8 + key.Length + record.Length);
            }
            writer.Write(count);
            writer.Write(length);
            foreach (var (key, record) in records)
            {
                if (record is null) continue;
                writer.Write(key.Length);
                writer.Write(key);
                writer.Write(record.Length);
                writer.Write(record);
            }
            macros.Write(writer);
        });
        return written ? generation : null;
    }

    // What is_incremental() answered the node's render, as the compile cache recorded it.
    private static bool? IncrementalAnswer(IReadOnlyDictionary<string, KeyValuePair<string, string>[]>? recorded, string id)
    {
        if (recorded?.GetValueOrDefault(id) is not { } inputs) return null;
        foreach (var (key, value) in inputs)
        {
            if (key == RenderInputs.IncrementalCall) return value == RenderInputs.DescribeIncremental(true);
        }
        return null;
    }

    /// <summary>The snapshot at <paramref name="path"/> when this build of forge wrote it and it reads cleanly; else null.</summary>
    public static DeltaSnapshot? Read(string path) =>
        CacheFile.TryRead(path, Magic, Format, Stamp, reader =>
        {
            var generation = reader.ReadString();
            var shared = DeltaRecords.ReadProject(CacheFile.Slice(reader, reader.ReadInt32()).Span);
            var relationCount = reader.ReadInt32();
            if (relationCount < 0) throw new FormatException("negative relation count");
            var relations = new ReadOnlyMemory<byte>[relationCount];
            for (var i = 0; i < relationCount; i++) relations[i] = CacheFile.Slice(reader, reader.ReadInt32());
            var modelCount = reader.ReadInt32();
            if (modelCount < 0) throw new FormatException("negative model count");
            var models = CacheFile.Slice(reader, reader.ReadInt32());
            return new DeltaSnapshot
            {
                Generation = generation, Project = shared, Macros = DeltaMacros.Read(reader),
                _relations = relations, _modelCount = modelCount, _models = models,
            };
        });

    // This build's code decides every output.
    private static string Stamp => typeof(DeltaSnapshot).Assembly.ManifestModule.ModuleVersionId.ToString();
}
