using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Given to <see cref="ManifestWriter"/>: notes where each compiled node with a file (models, snapshots, singular
/// tests, analyses; not seeds, which have no compiled fields) and each macro has its entry, and the size of the
/// whole manifest, as it is written. Costs one range per entry; fields inside an entry are found only when patched.
/// </summary>
internal sealed class ManifestIndexRecorder
{
    private readonly List<ManifestIndex.EntryRange> _nodes = [];
    private readonly List<ManifestIndex.EntryRange> _macros = [];
    private CountingWriteStream? _output;

    /// <summary>The index of the manifest written, once <see cref="ManifestWriter"/> has returned.</summary>
    public ManifestIndex? Index { get; private set; }

    internal Stream Wrap(Stream stream) => _output = new CountingWriteStream(stream);

    // Called in file order, from one thread at a time.
    internal void Entry(ProjectNode node, long start, long end)
    {
        if (node.File is not null && node.ResourceType != ResourceType.Seed) _nodes.Add(Range(node.UniqueId, start, end));
    }

    // Called in file order, after the nodes.
    internal void Macro(string uniqueId, long start, long end) => _macros.Add(Range(uniqueId, start, end));

    internal void Complete() => Index = new ManifestIndex(_output!.Length, null, _nodes, _macros);

    private static ManifestIndex.EntryRange Range(string uniqueId, long start, long end) => new(uniqueId, start, checked((int)(end - start)));
}
