using System.Globalization;

namespace ModelForge.Compiler.Targets.SqlServer;

// Snapshot expressions and statements in T-SQL.
public sealed partial class SqlServerSql
{
    /// <summary>MD5 as 32 lowercase hex characters, like md5() elsewhere; CONCAT needs two arguments at least.</summary>
    public override string Hash(IReadOnlyList<string> expressions)
    {
        var parts = string.Join(", '|', ", expressions.Select(e => $"coalesce(cast({e} as nvarchar(4000)), '')"));
        if (expressions.Count == 1) parts += ", ''";
        return $"lower(convert(char(32), hashbytes('MD5', concat({parts})), 2))";
    }

    /// <summary>ISO 8601 with a 'T' is read the same whatever the session's language and DATEFORMAT.</summary>
    public override string TimestampLiteral(DateTimeOffset instant) =>
        $"cast('{instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)}' as datetime2(6))";

    public override string CloseSnapshotRows(string target, string changes, SnapshotColumnNames names, string changeTypeColumn) =>
        $"UPDATE {TargetAlias}\nSET {Quote(names.ValidTo)} = {SourceAlias}.{Quote(names.ValidTo)}\n" +
        $"FROM {target} AS {TargetAlias}\n" +
        $"INNER JOIN {changes} AS {SourceAlias} ON {SourceAlias}.{Quote(names.ScdId)} = {TargetAlias}.{Quote(names.ScdId)}\n" +
        $"WHERE {SourceAlias}.{Quote(changeTypeColumn)} IN ('update', 'delete')\n" +
        $"  AND {TargetAlias}.{Quote(names.ValidTo)} IS NULL";

    public override string InsertSnapshotRows(string target, string changes, IReadOnlyList<string> columns, string changeTypeColumn)
    {
        var list = ColumnList(columns);
        return $"INSERT INTO {target} ({list})\nSELECT {list}\nFROM {changes}\nWHERE {Quote(changeTypeColumn)} = 'insert'";
    }
}
