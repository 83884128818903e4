using System.Collections.Concurrent;

namespace ModelForge.Runner.Memo;

/// <summary>
/// The impure context values the templates of one invocation read, sorted by what a replay needs:
/// nothing more (their effect follows from the recorded inputs, or is printed output the memo keeps),
/// the database's catalog unchanged (the relation lookups), or impossible (queries, the clock).
/// </summary>
internal sealed class ImpureReads
{
    // Deterministic given the files, vars, env vars, flags and selection the memo already holds.
    private static readonly HashSet<string> Replayable =
    [
        "log", "print", "exceptions", "model", "graph", "selected_resources", "should_full_refresh", "should_store_failures",
        "store_result", "store_raw_result", "load_result",
    ];

    // Which relations exist: vouched for by the database files' size and time (IRunnerAdapter.CatalogFiles).
    private static readonly HashSet<string> Catalog =
    [
        "is_incremental", "load_relation", "load_cached_relation", "adapter.get_relation", "adapter.already_exists",
        "adapter.get_columns_in_relation", "adapter.get_missing_columns",
    ];

    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public void Note(string name) => _names.TryAdd(name, true);

    public bool Read(string name) => _names.ContainsKey(name);

    /// <summary>The first name read that no memo can vouch for (a query, the clock, the invocation id), or null.</summary>
    public string? Unreplayable => _names.Keys.Where(n => !Replayable.Contains(n) && !Catalog.Contains(n)).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>True when a template asked the database's catalog.</summary>
    public bool ReadCatalog => _names.Keys.Any(Catalog.Contains);
}
