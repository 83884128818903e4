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

    /// <summary>
    /// The <c>updated_at</c> expression as it goes into the scd id hash: unchanged by default; a
    /// target whose default text form of a timestamp drops precision writes it in full.
    /// </summary>
    public virtual string HashableTimestamp(string expression) => expression;

    /// <summary>
    /// True when a checked column's value changed between the current row <paramref name="current"/>
    /// and the source <paramref name="source"/>, nulls included (dbt's null-aware comparison, written
    /// without IS DISTINCT FROM so that every target reads it).
    /// </summary>
    public virtual string ValuesDiffer(string current, string source) =>
        $"({current} <> {source} or ({current} is null and {source} is not null) or ({current} is not null and {source} is null))";

    /// <summary>
    /// The snapshot's "now" in its statements: by default the run's start as a UTC literal; a target
    /// whose <c>current_timestamp()</c> reads the server's clock uses that clock here too, so
    /// valid-from and valid-to values of one table are in one time zone.
    /// </summary>
    public virtual string SnapshotTimestamp(DateTimeOffset runStartedAt) => TimestampLiteral(runStartedAt);

    /// <summary>A timestamp literal (no time zone) for an instant, written in UTC.</summary>
    public abstract string TimestampLiteral(DateTimeOffset instant);

    /// <summary>
    /// Ends the current version of every row that has an 'update' or 'delete' change in
    /// <paramref name="changes"/>: sets its valid-to column to the change's, matched on the scd id.
    /// A current version has a null valid-to, or <paramref name="validToCurrent"/> (dbt_valid_to_current) when given.
    /// </summary>
    public abstract string CloseSnapshotRows(string target, string changes, SnapshotColumnNames names, string changeTypeColumn, string? validToCurrent = null);

    /// <summary>The condition that a row of <paramref name="column"/>'s table is a current version.</summary>
    public static string IsCurrentVersion(string column, string? validToCurrent) =>
        validToCurrent is null ? $"{column} is null" : $"({column} is null or {column} = {validToCurrent})";

    /// <summary>The column type of dbt_is_deleted ('True'/'False' text, as dbt writes it).</summary>
    public virtual string SnapshotFlagType => "varchar(5)";

    /// <summary>Inserts the rows of <paramref name="changes"/> whose change type is 'insert'.</summary>
    public abstract string InsertSnapshotRows(string target, string changes, IReadOnlyList<string> columns, string changeTypeColumn);
}
