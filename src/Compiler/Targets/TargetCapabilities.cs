namespace ModelForge.Compiler.Targets;

/// <summary>
/// How targets differ, declared as data so that generic code never asks which target it is on.
/// The positional part is what <see cref="TargetSql"/> needs to write statements; the rest is
/// filled in by the warehouse's adapter (<see cref="IWarehouseAdapter.Capabilities"/>).
/// </summary>
/// <param name="MaxIdentifierLength">Longest identifier the database accepts (temporary names must fit).</param>
/// <param name="TransactionalDdl">CREATE/DROP/RENAME can be rolled back, so a swap is atomic.</param>
/// <param name="IncludeDatabaseInNames">Relations render with their database part (three-part names).</param>
/// <param name="QuoteOpen">Identifier quote opening character.</param>
/// <param name="QuoteClose">Identifier quote closing character.</param>
public sealed record TargetCapabilities(
    int MaxIdentifierLength,
    bool TransactionalDdl,
    bool IncludeDatabaseInNames,
    char QuoteOpen,
    char QuoteClose)
{
    /// <summary>A CTE may hold a WITH of its own; when false, inlined ephemerals' CTEs are hoisted into one list.</summary>
    public bool NestedCtes { get; init; } = true;

    /// <summary>The database has a boolean type (DuckDB); when false, booleans are stored as BIT and tests compare with 1/0.</summary>
    public bool NativeBoolean { get; init; } = true;

    /// <summary>
    /// The database reads and writes files itself (DuckDB): sources may have an <c>external_location</c>
    /// and models may be <c>materialized='external'</c>, as in dbt-duckdb.
    /// </summary>
    public bool ExternalFiles { get; init; }

    /// <summary>
    /// A subquery in FROM needs an alias (SQL Server). When false (DuckDB), a microbatch-filtered
    /// ref renders without one, so a model that aliases the ref itself (<c>from {{ ref('x') }} e</c>) still works.
    /// </summary>
    public bool DerivedTableNeedsAlias { get; init; } = true;

    /// <summary>
    /// A table swap builds the helper table inside the transaction that swaps it in, as dbt's table
    /// materialization does (DuckDB: one commit, so one write-ahead-log flush, per swap instead of one
    /// per statement; a failure rolls the helper table back with the rest). When false (SQL Server),
    /// the build commits on its own first and the transaction holds only the renames.
    /// </summary>
    public bool BuildInSwapTransaction { get; init; }

    /// <summary>How inferred seed column types are spelled on this target.</summary>
    internal Seeds.SeedTypeMap? SeedTypes { get; init; }
}
