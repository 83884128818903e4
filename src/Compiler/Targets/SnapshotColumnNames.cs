namespace ModelForge.Compiler.Targets;

/// <summary>
/// The meta columns a snapshot adds to each row, named as dbt names them unless
/// <c>snapshot_meta_column_names</c> says otherwise.
/// </summary>
public sealed record SnapshotColumnNames(string ScdId, string UpdatedAt, string ValidFrom, string ValidTo)
{
    public static readonly SnapshotColumnNames Default = new("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to");

    public IReadOnlyList<string> All => [ScdId, UpdatedAt, ValidFrom, ValidTo];

    /// <summary>dbt 1.9's <c>dbt_is_deleted</c> ('True'/'False'): only in snapshots with <c>hard_deletes: new_record</c>.</summary>
    public string IsDeleted { get; init; } = "dbt_is_deleted";
}
