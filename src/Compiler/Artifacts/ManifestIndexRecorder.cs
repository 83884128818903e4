using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Given to <see cref="ManifestWriter"/>: notes where each compiled node with a file (models, snapshots, singular
/// tests, analyses; not seeds, which have no compiled fields) and each macro has its entry, and the size of the
/// whole manifest, as it is written, with the length of each node's tail (its compiled fields and closing brace).
/// Costs one range per entry; raw_code and checksum are found only when a patch rewrites them.
/// </summary>
internal sealed class ManifestIndexRecorder
{
    private readonly List<ManifestIndex.EntryRange> _nodes = [];
    private readonly List<ManifestIndex.EntryRange> _macros = [];
    private readonly Dictionary<string, int> _tails = new(StringComparer.Ordinal);
    private CountingWriteStream? _output;

    /// <summary>The index of the manifest written, once <see cref="ManifestWriter"/> has returned.</summary>
    public ManifestIndex? Index { get; private set; }

    internal Stream Wrap(Stream stream) => _output = new CountingWriteStream(stream);

    // Called from the threads that serialize the entries, each node before its Entry.
    internal void Tail(ProjectNode node, long length)
    {
        if (!Indexed(node)) return;
        lock (_tails) _tails[node.UniqueId] = checked((int)length);
    }

    // Called in file order, from one thread at a time.
    internal void Entry(ProjectNode node, long start, long end)
    {
        if (!Indexed(node)) return;
        int tail;
        lock (_tails) tail = _tails.GetValueOrDefault(node.UniqueId);
        _nodes.Add(new ManifestIndex.EntryRange(node.UniqueId, start, checked((int)(end - start)), tail));
    }

    private static bool Indexed(ProjectNode node) => node.File is not null && node.ResourceType != ResourceType.Seed;

    // Called in file order, after the nodes.
    internal void Macro(string uniqueId, long start, long end) => _macros.Add(new ManifestIndex.EntryRange(uniqueId, start, checked((int)(end - start))));

    internal void Complete() => Index = new ManifestIndex(_output!.Length, null, _nodes, _macros);
}
