namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Collects diagnostics so that a stage reports every problem it finds instead of stopping at the
/// first. Safe to add to from parallel workers.
/// </summary>
public sealed class DiagnosticBag
{
    // The list is private, so it is its own lock: a bag is made per template parse (10,000s per compile).
    private readonly List<Diagnostic> _items = [];

    public void Add(Diagnostic diagnostic)
    {
        lock (_items) _items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_items) _items.AddRange(diagnostics);
    }

    public bool HasErrors
    {
        get { lock (_items) return _items.Exists(d => d.IsError); }
    }

    public int Count
    {
        get { lock (_items) return _items.Count; }
    }

    /// <summary>A snapshot ordered by file, position and code, so output is deterministic under parallelism.</summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        lock (_items)
        {
            // Most bags stay empty: no sort pipeline for them.
            if (_items.Count == 0) return [];
            return _items
                .OrderBy(d => d.Span?.Path ?? d.FilePath ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Span?.Start ?? 0)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ToList();
        }
    }
}
