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
    private const int Format = 1;

    /// <summary>A fresh id per full command, recorded by the invocation memo too.</summary>
    public required string Generation { get; init; }

    public required DeltaProject Project { get; init; }

    // Each model's record after its file's path in the project (as the loader names it), and the relation table, kept
    // as read and decoded when asked for: a delta looks up one or two models, so no string or entry is made per model.
    private ReadOnlyMemory<byte> _models;
    private int _modelCount;
    private ReadOnlyMemory<byte>[] _relations = [];

    /// <summary>The model whose file is <paramref name="fullPath"/>, or null when the command did not record one.</summary>
    public DeltaModel? ModelAt(string fullPath)
    {
        var path = System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(Project.ProjectRoot, fullPath).Replace('\\', '/'));
        try
        {
            // Each model: its path's length and bytes, its record's length and bytes.
            var models = _models.Span;
            for (var (i, at) = (0, 0); i < _modelCount; i++)
            {
                var pathLength = BinaryPrimitives.ReadInt32LittleEndian(models[at..]);
                var key = models.Slice(at + 4, pathLength);
                var recordLength = BinaryPrimitives.ReadInt32LittleEndian(models[(at + 4 + pathLength)..]);
                var record = models.Slice(at + 8 + pathLength, recordLength);
                at += 8 + pathLength + recordLength;
                if (key.SequenceEqual(path)) return DeltaRecords.ReadModel(record, RelationAt, Project.TargetPath);
            }
            return null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
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
            if (node.File is not null) nodesPerFile[node.Path] = nodesPerFile.GetValueOrDefault(node.Path) + 1;
        }
        var models = nodes.Where(n => n.ResourceType == ResourceType.Model && n.File is not null && n.StaticCalls is not null
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
        int Index(Relation relation) => table.GetValueOrDefault(relation, -1);
        var records = new (string Path, byte[]? Record)[models.Count];
        Parallel.For(0, models.Count, i =>
            records[i] = (models[i].Path, DeltaRecords.WriteModel(project, models[i], renders ? Index : null)));
        var relations = order.ToArray();
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
            var body = new MemoryStream();
            var kept = 0;
            using (var models = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                foreach (var (file, record) in records)
                {
                    if (record is null) continue;
                    kept++;
                    var key = System.Text.Encoding.UTF8.GetBytes(file);
                    models.Write(key.Length);
                    models.Write(key);
                    models.Write(record.Length);
                    models.Write(record);
                }
            }
            writer.Write(kept);
            writer.Write((int)body.Length);
            writer.Write(body.GetBuffer(), 0, (int)body.Length);
        });
        return written ? generation : null;
    }

    /// <summary>The snapshot at <paramref name="path"/> when this build of forge wrote it and it reads cleanly; else null.</summary>
    public static DeltaSnapshot? Read(string path) =>
        CacheFile.TryRead(path, Magic, Format, Stamp, reader =>
        {
            var generation = reader.ReadString();
            var shared = DeltaRecords.ReadProject(CacheFile.Slice(reader, reader.ReadInt32()).Span);
            var snapshot = new DeltaSnapshot { Generation = generation, Project = shared };
            var relations = reader.ReadInt32();
            if (relations < 0) throw new FormatException("negative relation count");
            snapshot._relations = new ReadOnlyMemory<byte>[relations];
            for (var i = 0; i < relations; i++) snapshot._relations[i] = CacheFile.Slice(reader, reader.ReadInt32());
            snapshot._modelCount = reader.ReadInt32();
            if (snapshot._modelCount < 0) throw new FormatException("negative model count");
            snapshot._models = CacheFile.Slice(reader, reader.ReadInt32());
            return snapshot;
        });

    // This build's code decides every output.
    private static string Stamp => typeof(DeltaSnapshot).Assembly.ManifestModule.ModuleVersionId.ToString();
}
