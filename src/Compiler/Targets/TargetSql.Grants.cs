namespace ModelForge.Compiler.Targets;

// dbt's `grants` config: {privilege: [grantee, ...]}.
public abstract partial class TargetSql
{
    /// <summary>
    /// The statements that leave exactly the configured grants on a relation (dbt's apply_grants):
    /// with <paramref name="revokeOthers"/> (an object that existed before this run, e.g. a view
    /// altered in place or an incremental table) privileges granted but no longer configured are
    /// revoked first; a freshly swapped-in table has none. Empty when the target does not apply grants.
    /// </summary>
    public virtual IReadOnlyList<string> ApplyGrants(string? database, string schema, string identifier,
        IReadOnlyDictionary<string, object?> config, bool revokeOthers) => [];

    /// <summary>
    /// Settings a worker's connection starts with, so every node on it behaves the same whatever
    /// ran before on that connection; null when the target needs none.
    /// </summary>
    public virtual string? SessionPrologue => null;

    /// <summary>
    /// <paramref name="query"/> in a form that may be nested in a derived table (a test's count
    /// wrapper): unchanged by default; T-SQL refuses a final ORDER BY there without TOP or OFFSET.
    /// </summary>
    public virtual string Nestable(string query) => query;
}
