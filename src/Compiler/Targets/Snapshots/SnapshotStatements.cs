using System.Text;

namespace ModelForge.Compiler.Targets.Snapshots;

/// <summary>
/// The two SELECTs behind a snapshot, portable across targets (the target supplies the hash, the
/// timestamp literal and quoting): the first version of every row, and the change set of a later
/// run — 'insert' rows (new keys and new versions), 'update' rows (the current version to close)
/// and, when hard deletes are invalidated, 'delete' rows (keys gone from the source).
/// </summary>
public static class SnapshotStatements
{
    /// <summary>The column of the change set that says what to do with each row.</summary>
    public const string ChangeTypeColumn = "dbt_change_type";

    /// <summary>The snapshot table of the first run: the query's rows with their meta columns.</summary>
    public static string Initial(TargetSql sql, SnapshotSpec spec, string query, DateTimeOffset snapshotTime)
    {
        var updated = UpdatedAt(sql, spec, snapshotTime);
        var names = spec.Names;
        // T-SQL cannot nest the query's own WITH inside the derived table: it moves to the top.
        var (with, body) = sql.SplitLeadingWith(query);
        return (with.Length > 0 ? with + "\n" : "") +
               "select snapshot_query.*,\n" +
               $"    {sql.Hash([.. spec.UniqueKey, HashedUpdatedAt(sql, spec, updated)])} as {sql.Quote(names.ScdId)},\n" +
               $"    {updated} as {sql.Quote(names.UpdatedAt)},\n" +
               $"    {updated} as {sql.Quote(names.ValidFrom)},\n" +
               $"    {OpenValidTo(spec, $"nullif({updated}, {updated})")} as {sql.Quote(names.ValidTo)}" +
               (spec.NewRecordOnDelete ? $",\n    'False' as {sql.Quote(names.IsDeleted)}" : "") +
               $"\nfrom (\n{body}\n) as snapshot_query";
    }

    /// <summary>
    /// The change set of a later run, from the staged query result <paramref name="staged"/> (its
    /// columns are <paramref name="sourceColumns"/>) against the snapshot table <paramref name="target"/>
    /// (its columns before this run are <paramref name="targetColumns"/>).
    /// </summary>
    public static string Changes(TargetSql sql, SnapshotSpec spec, string staged, string target, IReadOnlyList<string> sourceColumns,
        IReadOnlyList<string> targetColumns, DateTimeOffset snapshotTime)
    {
        bool InTarget(string column) => targetColumns.Contains(column, StringComparer.OrdinalIgnoreCase);
        var names = spec.Names;
        var keys = spec.UniqueKey.Select((k, i) => (Expression: k, Alias: $"forge_unique_key_{i + 1}")).ToList();
        var keySelect = string.Concat(keys.Select(k => $", {k.Expression} as {k.Alias}"));
        var join = string.Join(" and ", keys.Select(k => $"c.{k.Alias} = s.{k.Alias}"));
        var now = sql.SnapshotTimestamp(snapshotTime);
        // check_cols='all' compares the columns both sides have; a column new in the source changes
        // every row, as in dbt (the table gains the column in this run).
        var changed = spec.IsTimestamp
            ? $"c.{sql.Quote(names.ValidFrom)} < s.forge_updated_at"
            : spec.CheckColumns is null && sourceColumns.Any(c => !InTarget(c))
                ? "1 = 1"
                : string.Join("\n       or ", (spec.CheckColumns ?? sourceColumns).Select(column => Differs(sql.Quote(column))));
        // Current rows lack the columns the source gained in this run: those are null for a closed row.
        string Columns(string alias) => string.Join(", ", sourceColumns.Select(c =>
            alias == "c" && !InTarget(c) ? $"null as {sql.Quote(c)}" : $"{alias}.{sql.Quote(c)}"));
        string Meta(string scdId, string updatedAt, string validFrom, string validTo, string isDeleted = "'False'") =>
            $"{scdId} as {sql.Quote(names.ScdId)}, {updatedAt} as {sql.Quote(names.UpdatedAt)}, " +
            $"{validFrom} as {sql.Quote(names.ValidFrom)}, {validTo} as {sql.Quote(names.ValidTo)}" +
            (spec.NewRecordOnDelete ? $", {isDeleted} as {sql.Quote(names.IsDeleted)}" : "");
        // hard_deletes new_record: a current version that records a deletion is replaced when the key comes back.
        var deletedFlag = spec.NewRecordOnDelete && InTarget(names.IsDeleted) ? $"c.{sql.Quote(names.IsDeleted)}" : null;
        if (deletedFlag is not null) changed = $"({changed})\n       or {deletedFlag} = 'True'";
        var notDeleted = deletedFlag is null ? "" : $"\n  and ({deletedFlag} is null or {deletedFlag} <> 'True')";

        var updated = UpdatedAt(sql, spec, snapshotTime);
        var text = new StringBuilder();
        text.Append($"with source_data as (\n    select snapshot_query.*{keySelect},\n");
        text.Append($"        {updated} as forge_updated_at,\n");
        text.Append($"        {sql.Hash([.. spec.UniqueKey, HashedUpdatedAt(sql, spec, updated)])} as forge_scd_id\n");
        text.Append($"    from {staged} as snapshot_query\n),\n");
        text.Append($"current_rows as (\n    select *{keySelect}\n    from {target}\n    where {TargetSql.IsCurrentVersion(sql.Quote(names.ValidTo), spec.ValidToCurrent)}\n)\n");
        text.Append($"select 'insert' as {sql.Quote(ChangeTypeColumn)}, {Columns("s")},\n    ");
        text.Append(Meta("s.forge_scd_id", "s.forge_updated_at", "s.forge_updated_at", OpenValidTo(spec, "nullif(s.forge_updated_at, s.forge_updated_at)")));
        text.Append($"\nfrom source_data as s\nleft join current_rows as c on {join}\n");
        text.Append($"where c.{keys[0].Alias} is null\n   or {changed}\n");
        text.Append($"union all\nselect 'update', {Columns("s")},\n    ");
        text.Append(Meta($"c.{sql.Quote(names.ScdId)}", "s.forge_updated_at", "s.forge_updated_at", "s.forge_updated_at"));
        text.Append($"\nfrom source_data as s\njoin current_rows as c on {join}\nwhere {changed}");
        if (spec.InvalidateHardDeletes)
        {
            text.Append($"\nunion all\nselect 'delete', {Columns("c")},\n    ");
            text.Append(Meta($"c.{sql.Quote(names.ScdId)}", now, now, now));
            text.Append($"\nfrom current_rows as c\nleft join source_data as s on {join}\nwhere s.{keys[0].Alias} is null{notDeleted}");
        }
        if (spec.NewRecordOnDelete)
        {
            // The deletion itself becomes a version: the last values, flagged, valid from now.
            text.Append($"\nunion all\nselect 'insert', {Columns("c")},\n    ");
            text.Append(Meta(sql.Hash([.. keys.Select(k => $"c.{k.Alias}"), now]), now, now, OpenValidTo(spec, $"nullif({now}, {now})"), "'True'"));
            text.Append($"\nfrom current_rows as c\nleft join source_data as s on {join}\nwhere s.{keys[0].Alias} is null{notDeleted}");
        }
        return text.ToString();

        string Differs(string column) => sql.ValuesDiffer($"c.{column}", $"s.{column}");
    }

    // dbt_valid_to_current: current versions hold that value instead of null.
    private static string OpenValidTo(SnapshotSpec spec, string typedNull) =>
        spec.ValidToCurrent is { } current ? $"coalesce({typedNull}, {current})" : typedNull;

    private static string UpdatedAt(TargetSql sql, SnapshotSpec spec, DateTimeOffset snapshotTime) =>
        spec.IsTimestamp ? spec.UpdatedAt! : sql.SnapshotTimestamp(snapshotTime);

    // The scd id hashes updated_at in its full-precision text form (the column itself keeps its type).
    private static string HashedUpdatedAt(TargetSql sql, SnapshotSpec spec, string updated) =>
        spec.IsTimestamp ? sql.HashableTimestamp(updated) : updated;
}
