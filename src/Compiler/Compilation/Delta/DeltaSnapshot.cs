using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// target/forge_&lt;command&gt;_delta.bin: what a full compile knew that rendering one of its models again
/// needs (<see cref="DeltaProject"/>, and a <see cref="DeltaModel"/> per model it compiled whose text
/// the static parser read), so that after an edit of model files alone `forge compile` renders just
/// those. It belongs to the invocation memo written by the same compile (<see cref="Generation"/>):
/// only that memo, verified, says the project is otherwise as this snapshot saw it.
/// </summary>
internal sealed class DeltaSnapshot
{
    /// <summary>The snapshot's file name in target/: one per command (compile, parse, ls), as their memos.</summary>
    public static string FileNameFor(string command) => $"forge_{command}_delta.bin";
    private const string Magic = "forge-compile-delta";
    private const int Format = 1;

    /// <summary>A fresh id per full compile, recorded by the invocation memo too.</summary>
    public required string Generation { get; init; }

    public required DeltaProject Project { get; init; }

    // Each model's record by the absolute path of its file, decoded when asked for.
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _models = new(StringComparer.Ordinal);

    /// <summary>The model whose file is <paramref name="fullPath"/>, or null when this compile did not record one.</summary>
    public DeltaModel? ModelAt(string fullPath)
    {
        if (!_models.TryGetValue(fullPath, out var record)) return null;
        try
        {
            return DeltaRecords.ReadModel(record.Span);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the snapshot of <paramref name="project"/>'s compiled models (<paramref name="compiled"/>: those
    /// written without errors) to <paramref name="path"/>; null when the project holds something a
    /// snapshot cannot keep (then no delta compile is possible and none is written), else its generation.
    /// </summary>
    public static string? Write(string path, CompiledProject project, IEnumerable<ProjectNode> compiled)
    {
        CacheFile.Delete(path);
        if (DeltaRecords.ProjectOf(project) is not { } shared || DeltaRecords.WriteProject(shared) is not { } sharedRecord) return null;
        var models = compiled.Where(n => n.ResourceType == ResourceType.Model && n.File is not null && n.StaticCalls is not null).ToList();
        var records = new (string Path, byte[]? Record)[models.Count];
        Parallel.For(0, models.Count, i =>
            records[i] = (System.IO.Path.GetFullPath(System.IO.Path.Combine(project.Project.Root, models[i].Path)), DeltaRecords.WriteModel(project, models[i])));
        var generation = Guid.NewGuid().ToString("N");
        var written = CacheFile.TryWrite(path, Magic, Format, Stamp, writer =>
        {
            writer.Write(generation);
            writer.Write(sharedRecord.Length);
            writer.Write(sharedRecord);
            writer.Write(records.Count(r => r.Record is not null));
            foreach (var (file, record) in records)
            {
                if (record is null) continue;
                writer.Write(file);
                writer.Write(record.Length);
                writer.Write(record);
            }
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
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var file = reader.ReadString();
                snapshot._models[file] = CacheFile.Slice(reader, reader.ReadInt32());
            }
            return snapshot;
        });

    // This build's code decides every output.
    private static string Stamp => typeof(DeltaSnapshot).Assembly.ManifestModule.ModuleVersionId.ToString();
}
