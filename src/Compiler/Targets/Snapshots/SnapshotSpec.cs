using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Targets.Snapshots;

/// <summary>
/// What a snapshot's config asks for (validated when the project compiles): the key, the strategy
/// and its column(s), whether rows gone from the source are closed, and the meta column names.
/// </summary>
/// <param name="CheckColumns">For the check strategy: the columns to compare; null means <c>all</c>.</param>
public sealed record SnapshotSpec(
    IReadOnlyList<string> UniqueKey,
    string Strategy,
    string? UpdatedAt,
    IReadOnlyList<string>? CheckColumns,
    bool InvalidateHardDeletes,
    SnapshotColumnNames Names)
{
    public bool IsTimestamp => Strategy == "timestamp";

    public static SnapshotSpec From(NodeConfig config)
    {
        var checkCols = config.Get("check_cols");
        IReadOnlyList<string>? check = checkCols is string s
            ? s.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : [s]
            : checkCols is System.Collections.IEnumerable items ? items.Cast<object?>().Select(i => i?.ToString() ?? "").ToList() : null;
        var invalidate = config.Get("invalidate_hard_deletes") is true or "true" or "True"
            || string.Equals(config.GetString("hard_deletes"), "invalidate", StringComparison.OrdinalIgnoreCase);
        return new SnapshotSpec(config.UniqueKey, config.GetString("strategy") ?? "timestamp", config.GetString("updated_at"),
            check, invalidate, NamesFrom(config.Get("snapshot_meta_column_names") as IReadOnlyDictionary<string, object?>));
    }

    private static SnapshotColumnNames NamesFrom(IReadOnlyDictionary<string, object?>? names)
    {
        var defaults = SnapshotColumnNames.Default;
        if (names is null) return defaults;
        string Name(string key, string fallback) => names.TryGetValue(key, out var value) && value is string name && name.Length > 0 ? name : fallback;
        return new SnapshotColumnNames(Name("dbt_scd_id", defaults.ScdId), Name("dbt_updated_at", defaults.UpdatedAt),
            Name("dbt_valid_from", defaults.ValidFrom), Name("dbt_valid_to", defaults.ValidTo));
    }
}
