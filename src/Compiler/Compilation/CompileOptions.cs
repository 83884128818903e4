using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Compilation;

/// <summary>What an invocation adds to a loaded project when compiling it.</summary>
public sealed class CompileOptions
{
    /// <summary>run, build, compile, test, seed… (dbt's <c>flags.WHICH</c>).</summary>
    public string Command { get; init; } = "compile";

    public bool FullRefresh { get; init; }

    /// <summary>--empty: refs and sources render as zero-row subqueries (a schema-only dry run).</summary>
    public bool Empty { get; init; }

    /// <summary>--store-failures: tests without a store_failures config keep their failing rows (flags.STORE_FAILURES).</summary>
    public bool StoreFailures { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Receives log(), print() and exceptions.warn() from templates.</summary>
    public Action<ContextMessage>? Log { get; init; }

    /// <summary>See <see cref="Context.ProjectRenderInfo.ImpureRead"/>.</summary>
    internal Action<string>? ImpureRead { get; init; }

    /// <summary>Off: every model is rendered at parse time (tests compare the two ways; see <see cref="StaticParser"/>).</summary>
    internal bool StaticParse { get; init; } = true;

    /// <summary>Where the <see cref="StaticParseMemo"/> is kept between runs (target/); null keeps none.</summary>
    internal string? StaticParseMemoPath { get; init; }

    public string InvocationId { get; init; } = Guid.NewGuid().ToString();

    public DateTimeOffset RunStartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>--event-time-start / --event-time-end: the range microbatch models rebuild (a backfill).</summary>
    internal DateTimeOffset? EventTimeStart { get; init; }

    internal DateTimeOffset? EventTimeEnd { get; init; }

    /// <summary>
    /// Microbatch unique id → the exact batches to run instead of the planned ones: how
    /// <c>forge retry</c> re-runs only the batches that failed (run_results' batch_results.failed).
    /// </summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<Microbatch.MicrobatchWindow>> MicrobatchBatches { get; init; } =
        new Dictionary<string, IReadOnlyList<Microbatch.MicrobatchWindow>>();
}
