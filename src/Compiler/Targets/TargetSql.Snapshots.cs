namespace ModelForge.Compiler.Targets;

// Expressions and statements of snapshots (type-2 slowly changing dimensions). The change set
// itself is one portable SELECT built by Snapshots.SnapshotStatements from these pieces.
public abstract partial class TargetSql
{
    /// <summary>
    /// dbt's <c>dbt_scd_id</c>: a hash of the expressions joined with '|' after casting each to
    /// text, nulls as empty strings.
    /// </summary>
    public abstract string Hash(IReadOnlyList<string> expressions);

    /// <summary>A timestamp literal (no time zone) for an instant, written in UTC.</summary>
    public abstract string TimestampLiteral(DateTimeOffset instant);

    /// <summary>
    /// Ends the current version of every row that has an 'update' or 'delete' change in
    /// <paramref name="changes"/>: sets its valid-to column to the change's, matched on the scd id.
    /// </summary>
    public abstract string CloseSnapshotRows(string target, string changes, SnapshotColumnNames names, string changeTypeColumn);

    /// <summary>Inserts the rows of <paramref name="changes"/> whose change type is 'insert'.</summary>
    public abstract string InsertSnapshotRows(string target, string changes, IReadOnlyList<string> columns, string changeTypeColumn);
}
