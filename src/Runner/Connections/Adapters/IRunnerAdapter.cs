using System.Data.Common;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;
using ModelForge.Runner.Execution.Seeds;

namespace ModelForge.Runner.Connections.Adapters;

/// <summary>
/// The runner's half of one warehouse: opening and describing connections, bulk-loading seeds,
/// and classifying the warehouse's errors. Found through <see cref="RunnerAdapters"/> from the
/// compiler's <see cref="IWarehouseAdapter"/>. Implementations are stateless singletons.
/// </summary>
internal interface IRunnerAdapter
{
    /// <summary>The compiler's adapter of the same warehouse (SQL text, capabilities, validator).</summary>
    IWarehouseAdapter Warehouse { get; }

    /// <summary>Opens a connection; throws <see cref="Compiler.Diagnostics.DiagnosticException"/> when it cannot.</summary>
    DbConnection Open(TargetProfile target);

    /// <summary>
    /// Opens what the run's first <see cref="Open"/> will need (DuckDB: the database file, with its
    /// catalog read), when opening it changes nothing that lasts; null when there is nothing to open so.
    /// Called on a background thread while the project compiles (<see cref="ConnectionWarmup"/>); may throw.
    /// </summary>
    IDisposable? OpenAhead(TargetProfile target);

    /// <summary>Where the target points, for messages (no secrets).</summary>
    string Describe(TargetProfile target);

    /// <summary>Masks secrets of <paramref name="target"/> that appear in <paramref name="text"/> (forge debug).</summary>
    string ScrubSecrets(string text, TargetProfile target);

    /// <summary>
    /// What `forge debug` verifies on an open connection: that the profile's settings took effect
    /// (DuckDB: extensions loaded, databases attached, settings). Empty when there is nothing to check.
    /// </summary>
    IReadOnlyList<ConnectionCheck> Check(DbConnection connection, TargetProfile target);

    /// <summary>
    /// Files whose size and time vouch that the catalog (which relations exist) is unchanged since
    /// they were last seen, so a compile that asked is_incremental() can be replayed; empty when
    /// nothing persists between processes, null when only a query could tell.
    /// </summary>
    IReadOnlyList<string>? CatalogFiles(TargetProfile target);

    /// <summary>The bulk writer for seeds.</summary>
    ISeedWriter SeedWriter { get; }

    /// <summary>The column-lineage parser (the compiler adapter's when it has one).</summary>
    IQueryParser LineageParser(TargetProfile target);

    /// <summary>The error's kind and position when it came from this warehouse's driver; null otherwise.</summary>
    WarehouseError? Classify(Exception exception, string? statement = null);
}
