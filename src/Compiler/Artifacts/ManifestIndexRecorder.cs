using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// Given to <see cref="ManifestWriter"/>: notes where each compiled node with a file (models, snapshots, singular
/// tests, analyses; not seeds, which have no compiled fields) has its entry, and the size and hash of the whole
/// manifest, as it is written.
/// Costs a hash of the output and one range per node; fields inside an entry are found only when patched.
/// </summary>
internal sealed class ManifestIndexRecorder
{
    private readonly List<ManifestIndex.NodeRange> _nodes = [];
    private HashingWriteStream? _output;

    /// <summary>The index of the manifest written, once <see cref="ManifestWriter"/> has returned.</summary>
    public ManifestIndex? Index { get; private set; }

    internal Stream Wrap(Stream stream) => _output = new HashingWriteStream(stream);

    // Called in file order, from one thread at a time.
    internal void Entry(ProjectNode node, long start, long end)
    {
        if (node.File is not null && node.ResourceType != ResourceType.Seed) _nodes.Add(new ManifestIndex.NodeRange(node.UniqueId, start, checked((int)(end - start))));
    }

    internal void Complete() => Index = new ManifestIndex(_output!.Length, _output.Hash, _nodes);
}
