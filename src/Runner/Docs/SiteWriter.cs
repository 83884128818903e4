using System.Buffers;

namespace ModelForge.Runner.Docs;

/// <summary>
/// Writes the static site: the page and its script and styles (embedded in forge, so the site
/// needs no network and no CDN), <c>forge-data.js</c> (loaded up front) and what the page loads
/// when it needs it: the node shards, the search index and the column lineage.
/// </summary>
internal static class SiteWriter
{
    private const string ResourcePrefix = "docs-site/";

    public static IReadOnlyList<string> AssetNames { get; } = ["index.html", "app.css", "app.js", "loader.js", "graph.js", "graph-groups.js", "selector.js", "lineage.js", "pages.js", "search.js", "sql.js"];

    public static void Write(string directory, SiteContent content)
    {
        Directory.CreateDirectory(directory);
        var assembly = typeof(SiteWriter).Assembly;
        foreach (var name in AssetNames)
        {
            using var resource = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"the docs asset {name} is not embedded in forge");
            var bytes = new byte[resource.Length];
            resource.ReadExactly(bytes);
            WriteIfChanged(Path.Combine(directory, name), bytes);
        }
        var shards = Path.Combine(directory, SiteShardWriter.Folder);
        Directory.CreateDirectory(shards);
        var referenced = SiteLineageWriter.Referenced(content);
        var count = SiteShardWriter.ShardCount(content.Entries.Count);
        // Each file is independent: the shards, the index and the lineage are written side by side.
        var jobs = new List<Action>
        {
            () => WriteFile(Path.Combine(directory, SiteDataWriter.FileName), s => SiteDataWriter.Write(s, content)),
            () => WriteFile(Path.Combine(directory, SiteSearchWriter.FileName), s => SiteSearchWriter.Write(s, content)),
            () => WriteFile(Path.Combine(directory, SiteLineageWriter.FileName), s => SiteLineageWriter.Write(s, content)),
        };
        for (var k = 0; k < count; k++)
        {
            var shard = k;
            jobs.Add(() =>
            {
                var buffer = ShardBuffer();
                SiteShardWriter.Write(buffer, content, shard, referenced);
                WriteIfChanged(Path.Combine(shards, SiteShardWriter.FileName(shard)), buffer.WrittenSpan);
            });
        }
        try
        {
            Parallel.Invoke(jobs.ToArray());
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is IOException or UnauthorizedAccessException) is { } first)
        {
            // The caller reports an unwritable folder; it expects the I/O error, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
        RemoveStaleShards(shards, count);
    }

    // The three large files (megabytes at 10,000 nodes, forge-data.js stamped with the time) stream
    // straight to disk.
    private static void WriteFile(string path, Action<Stream> write)
    {
        using var file = Execution.AtomicFile.Create(path);
        write(file.Stream);
        file.Complete();
    }

    // A shard (a few hundred kilobytes) is built in one buffer per thread, reused from shard to shard: a
    // buffer per shard grew by doubling through the large-object heap (~100 MB and gen-2 collections at 10,000 nodes).
    [ThreadStatic] private static ArrayBufferWriter<byte>? _shardBuffer;

    private static ArrayBufferWriter<byte> ShardBuffer()
    {
        var buffer = _shardBuffer ??= new ArrayBufferWriter<byte>(1 << 19);
        buffer.ResetWrittenCount();
        return buffer;
    }

    // An asset or a shard is built in memory and written only when it differs from the file in place:
    // a second generate of an unchanged project rewrites neither.
    private static void WriteIfChanged(string path, ReadOnlySpan<byte> bytes)
    {
        if (!Holds(path, bytes)) Execution.AtomicFile.WriteAllBytes(path, bytes);
    }

    private static bool Holds(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var file = File.OpenHandle(path);
            if (RandomAccess.GetLength(file) != bytes.Length) return false;
            Span<byte> chunk = stackalloc byte[8192];
            for (var at = 0; at < bytes.Length;)
            {
                var count = RandomAccess.Read(file, chunk[..Math.Min(chunk.Length, bytes.Length - at)], at);
                if (count == 0 || !chunk[..count].SequenceEqual(bytes.Slice(at, count))) return false;
                at += count;
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Missing or unreadable: written (and a real write failure reported) as usual.
            return false;
        }
    }

    /// <summary>A project that shrank leaves shards past the last one; they would never be loaded, but they mislead.</summary>
    private static void RemoveStaleShards(string shards, int count)
    {
        foreach (var file in Directory.EnumerateFiles(shards, "*.js"))
        {
            if (!int.TryParse(Path.GetFileNameWithoutExtension(file), out var k) || k >= count) File.Delete(file);
        }
    }
}
