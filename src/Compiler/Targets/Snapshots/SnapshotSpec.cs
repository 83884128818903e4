using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Targets.Snapshots;

/// <summary>
/// What a snapshot's config asks for (validated when the project compiles): the key, the strategy
/// and its column(s), whether rows gone from the source are closed, and the meta column names.
/// </summary>
/// <param name="CheckColumns">For the check strategy: the columns to compare; null means <c>all</c>.</param>
/// <param name="InvalidateHardDeletes">Rows gone from the source are closed (<c>hard_deletes</c> invalidate or new_record).</param>
public sealed record SnapshotSpec(
    IReadOnlyList<string> UniqueKey,
    string Strategy,
    string? UpdatedAt,
    IReadOnlyList<string>? CheckColumns,
    bool InvalidateHardDeletes,
    SnapshotColumnNames Names)
{
    public bool IsTimestamp => Strategy == "timestamp";

    /// <summary><c>hard_deletes: new_record</c>: a deleted row also gets a new version with dbt_is_deleted = 'True'.</summary>
    public bool NewRecordOnDelete { get; init; }

    /// <summary><c>dbt_valid_to_current</c>: the SQL expression current rows hold in dbt_valid_to instead of null.</summary>
    public string? ValidToCurrent { get; init; }

    /// <summary>The meta columns this snapshot's table has, in order.</summary>
    public IReadOnlyList<string> MetaColumns => NewRecordOnDelete ? [.. Names.All, Names.IsDeleted] : Names.All;

    public static SnapshotSpec From(NodeConfig config)
    {
        var checkCols = config.Get("check_cols");
        IReadOnlyList<string>? check = checkCols is string s
            ? s.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : [s]
            : checkCols is System.Collections.IEnumerable items ? items.Cast<object?>().Select(i => i?.ToString() ?? "").ToList() : null;
        var hardDeletes = config.GetString("hard_deletes")?.Trim().ToLowerInvariant();
        var newRecord = hardDeletes == "new_record";
        // dbt 1.9: hard_deletes wins over the older invalidate_hard_deletes flag when both are set.
        var invalidate = newRecord || hardDeletes == "invalidate" || (hardDeletes is null && config.Get("invalidate_hard_deletes") is true or "true" or "True");
        return new SnapshotSpec(config.UniqueKey, config.GetString("strategy") ?? "timestamp", config.GetString("updated_at"),
            check, invalidate, NamesFrom(config.Get("snapshot_meta_column_names") as IReadOnlyDictionary<string, object?>))
        {
            NewRecordOnDelete = newRecord,
            ValidToCurrent = config.GetString("dbt_valid_to_current") is { Length: > 0 } current ? current : null,
        };
    }

    private static SnapshotColumnNames NamesFrom(IReadOnlyDictionary<string, object?>? names)
    {
        var defaults = SnapshotColumnNames.Default;
        if (names is null) return defaults;
        string Name(string key, string fallback) => names.TryGetValue(key, out var value) && value is string name && name.Length > 0 ? name : fallback;
        return new SnapshotColumnNames(Name("dbt_scd_id", defaults.ScdId), Name("dbt_updated_at", defaults.UpdatedAt),
            Name("dbt_valid_from", defaults.ValidFrom), Name("dbt_valid_to", defaults.ValidTo)) { IsDeleted = Name("dbt_is_deleted", defaults.IsDeleted) };
    }
}
