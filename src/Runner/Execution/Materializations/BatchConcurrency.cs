using System.Data.Common;

namespace ModelForge.Runner.Execution.Materializations;

/// <summary>
/// How a microbatch model's batches may run at once: up to <paramref name="Lanes"/> (the run's
/// --threads), each lane but the first on a connection of its own from <paramref name="Open"/>.
/// </summary>
internal sealed record BatchConcurrency(int Lanes, Func<DbConnection> Open);
