namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// A render's source map as it is written. Ours rather than List&lt;SourceMapEntry&gt;: a list's methods over a struct of
/// forge's have no precompiled code, and five of them were compiled at run time in every process that rendered. Only
/// non-generic array calls here, for the same reason.
/// </summary>
internal sealed class SourceMapBuilder(int capacity)
{
    private SourceMapEntry[] _entries = new SourceMapEntry[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    public int Capacity => _entries.Length;

    public void Add(SourceMapEntry entry)
    {
        if (Count == _entries.Length)
        {
            var bigger = new SourceMapEntry[_entries.Length * 2];
            Array.Copy(_entries, bigger, Count);
            _entries = bigger;
        }
        _entries[Count++] = entry;
    }

    /// <summary>The entries added, in an array of their own.</summary>
    public SourceMapEntry[] ToArray()
    {
        var entries = new SourceMapEntry[Count];
        Array.Copy(_entries, entries, Count);
        return entries;
    }

    /// <summary>Empties the map, letting go of the templates its entries named.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
    }
}
