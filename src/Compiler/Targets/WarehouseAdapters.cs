using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets.DuckDb;
using ModelForge.Compiler.Targets.SqlServer;

namespace ModelForge.Compiler.Targets;

/// <summary>
/// The registry of warehouses: the one place a profile's <c>type</c> (or an alias) is matched to a
/// name. A new warehouse is one adapter and one line in <see cref="All"/> (see README.md).
/// </summary>
internal static class WarehouseAdapters
{
    public static readonly IReadOnlyList<IWarehouseAdapter> All = [DuckDbAdapter.Instance, SqlServerAdapter.Instance];

    /// <summary>
    /// The adapter used when nothing names one: the embedded DuckDB target a project gets without a
    /// profiles.yml (DESIGN.md, Defaults).
    /// </summary>
    public static IWarehouseAdapter Default => DuckDbAdapter.Instance;

    /// <summary>The types <c>type:</c> accepts, for error messages.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } = All.Select(a => a.Type).ToList();

    private static readonly Dictionary<string, IWarehouseAdapter> ByName = NamesOf(All);

    // By a loop: LINQ over (name, adapter) pairs is generic code compiled at run time in every process that looks one up.
    private static Dictionary<string, IWarehouseAdapter> NamesOf(IEnumerable<IWarehouseAdapter> adapters)
    {
        var byName = new Dictionary<string, IWarehouseAdapter>(StringComparer.OrdinalIgnoreCase);
        foreach (var adapter in adapters)
        {
            // A name given twice is the same mistake ToDictionary refused.
            byName.Add(adapter.Type, adapter);
            foreach (var alias in adapter.Aliases) byName.Add(alias, adapter);
        }
        return byName;
    }

    /// <summary>The adapter for a <c>type:</c> value or alias (case-insensitive); null when none is registered.</summary>
    public static IWarehouseAdapter? Find(string? type) =>
        type is not null && ByName.TryGetValue(type.Trim(), out var adapter) ? adapter : null;

    /// <summary>The adapter of a loaded profile (whose type was checked when profiles.yml was read).</summary>
    public static IWarehouseAdapter For(TargetProfile profile) =>
        Find(profile.Type) ?? throw new InvalidOperationException($"no warehouse adapter is registered for target type '{profile.Type}'");

    /// <summary>As <see cref="Find"/>, with <see cref="Default"/> for a null or unregistered type (a render without a real target).</summary>
    public static IWarehouseAdapter FindOrDefault(string? type) => Find(type) ?? Default;
}
