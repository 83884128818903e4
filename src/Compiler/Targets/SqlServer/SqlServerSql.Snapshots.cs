using System.Globalization;

namespace ModelForge.Compiler.Targets.SqlServer;

// Snapshot expressions and statements in T-SQL.
public sealed partial class SqlServerSql
{
    /// <summary>
    /// MD5 as 32 lowercase hex characters, like md5() elsewhere; CONCAT needs two arguments at least.
    /// nvarchar keeps every character (varchar would turn text outside the code page into '?'), and
    /// max keeps values that differ only after 4000 characters apart.
    /// </summary>
    public override string Hash(IReadOnlyList<string> expressions)
    {
        var parts = string.Join(", '|', ", expressions.Select(e => $"coalesce(cast({e} as nvarchar(max)), '')"));
        if (expressions.Count == 1) parts += ", ''";
        return $"lower(convert(char(32), hashbytes('MD5', concat({parts})), 2))";
    }

    /// <summary>
    /// Style 121 (<c>yyyy-mm-dd hh:mi:ss.fff…</c>) for every date and time type: CAST of a datetime
    /// or smalldatetime to text uses style 0, which stops at the minute, so two versions of a key
    /// updated within one minute would share a dbt_scd_id. For datetime2, date and datetimeoffset
    /// 121 is already the default, so their ids are unchanged.
    /// </summary>
    public override string HashableTimestamp(string expression) => $"convert(nvarchar(64), {expression}, 121)";

    /// <summary>
    /// Under a case-insensitive collation <c>'smith' &lt;&gt; 'Smith'</c> is false and trailing spaces
    /// are ignored, so a check-strategy snapshot would miss those corrections. Values equal under the
    /// collation are also compared as the bytes of their text form (CONCAT turns any comparable type
    /// into text, the same text for equal values of the same type).
    /// </summary>
    public override string ValuesDiffer(string current, string source) =>
        base.ValuesDiffer(current, source)[..^1] +
        $" or ({current} = {source} and cast(concat({current}, N'') as varbinary(max)) <> cast(concat({source}, N'') as varbinary(max))))";

    /// <summary>
    /// The server's SYSDATETIME(), as dbt-sqlserver's snapshot_get_time and forge's
    /// current_timestamp(): the client's UTC clock would mix zones with a timestamp strategy's
    /// updated_at on a server that runs in local time. Each snapshot statement reads it once.
    /// </summary>
    public override string SnapshotTimestamp(DateTimeOffset runStartedAt) => "cast(sysdatetime() as datetime2(6))";

    /// <summary>ISO 8601 with a 'T' is read the same whatever the session's language and DATEFORMAT.</summary>
    public override string TimestampLiteral(DateTimeOffset instant) =>
        $"cast('{instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)}' as datetime2(6))";

    public override string CloseSnapshotRows(string target, string changes, SnapshotColumnNames names, string changeTypeColumn, string? validToCurrent = null) =>
        $"UPDATE {TargetAlias}\nSET {Quote(names.ValidTo)} = {SourceAlias}.{Quote(names.ValidTo)}\n" +
        $"FROM {target} AS {TargetAlias}\n" +
        $"INNER JOIN {changes} AS {SourceAlias} ON {SourceAlias}.{Quote(names.ScdId)} = {TargetAlias}.{Quote(names.ScdId)}\n" +
        $"WHERE {SourceAlias}.{Quote(changeTypeColumn)} IN ('update', 'delete')\n" +
        $"  AND {(validToCurrent is null ? $"{TargetAlias}.{Quote(names.ValidTo)} IS NULL" : IsCurrentVersion($"{TargetAlias}.{Quote(names.ValidTo)}", validToCurrent))}";

    public override string InsertSnapshotRows(string target, string changes, IReadOnlyList<string> columns, string changeTypeColumn)
    {
        var list = ColumnList(columns);
        return $"INSERT INTO {target} ({list})\nSELECT {list}\nFROM {changes}\nWHERE {Quote(changeTypeColumn)} = 'insert'";
    }
}
