using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Connections.Adapters;

/// <summary>
/// The runner adapters, one per compiler adapter in <see cref="WarehouseAdapters.All"/>. A new
/// warehouse registers its runner adapter here (see src/Compiler/Targets/README.md).
/// </summary>
internal static class RunnerAdapters
{
    public static readonly IReadOnlyList<IRunnerAdapter> All = [DuckDbRunnerAdapter.Instance, SqlServerRunnerAdapter.Instance];

    /// <summary>The runner adapter of a target type or alias; null when none is registered.</summary>
    public static IRunnerAdapter? Find(string? type) =>
        WarehouseAdapters.Find(type) is { } warehouse ? All.FirstOrDefault(a => a.Warehouse == warehouse) : null;

    /// <summary>The runner adapter of a loaded profile; null when its warehouse has none (compile-only targets).</summary>
    public static IRunnerAdapter? Find(TargetProfile target) => Find(target.Type);

    /// <summary>
    /// The kind and position of a warehouse error, asking each adapter (an exception's type tells
    /// which driver raised it); <see cref="WarehouseErrorKind.Other"/> without a position when none knows it.
    /// </summary>
    public static WarehouseError Classify(Exception exception, string? statement = null)
    {
        foreach (var adapter in All)
        {
            if (adapter.Classify(exception, statement) is { } error) return error;
        }
        return new WarehouseError(WarehouseErrorKind.Other);
    }
}
