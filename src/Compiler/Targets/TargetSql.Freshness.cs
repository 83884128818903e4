namespace ModelForge.Compiler.Targets;

// Source freshness: one query per source table.
public abstract partial class TargetSql
{
    /// <summary>The database's current time in UTC, as an expression.</summary>
    public virtual string CurrentTimestampUtc => "current_timestamp";

    /// <summary>
    /// One row: <c>max_loaded_at</c> (the newest <paramref name="loadedAtField"/>, null for an empty
    /// table) and <c>snapshotted_at</c> (the database's clock). Field and filter are SQL as written in YAML.
    /// </summary>
    public virtual string FreshnessQuery(string relation, string loadedAtField, string? filter) =>
        $"select max({loadedAtField}) as max_loaded_at, {CurrentTimestampUtc} as snapshotted_at\nfrom {relation}" +
        (string.IsNullOrWhiteSpace(filter) ? "" : $"\nwhere {filter}");
}
