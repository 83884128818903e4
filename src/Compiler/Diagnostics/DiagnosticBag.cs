namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Collects diagnostics so that a stage reports every problem it finds instead of stopping at the
/// first. Safe to add to from parallel workers.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) _items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_lock) _items.AddRange(diagnostics);
    }

    public bool HasErrors
    {
        get { lock (_lock) return _items.Exists(d => d.IsError); }
    }

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    /// <summary>A snapshot ordered by file, position and code, so output is deterministic under parallelism.</summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        lock (_lock)
        {
            return _items
                .OrderBy(d => d.Span?.Path ?? d.FilePath ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Span?.Start ?? 0)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ToList();
        }
    }
}
